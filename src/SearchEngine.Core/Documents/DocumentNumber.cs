using System.Globalization;

namespace SearchEngine.Core.Documents;

/// <summary>
/// 发文字号 — issuing number, e.g. 湘政办发〔2021〕47号: agency prefix, year and serial.
/// 〔2021〕, (2021), [2021], ［2021］ and a space before 号 all denote the same number. Orders (令) carry no year:
/// 国务院令第706号, 江西省人民政府令第223号.
/// </summary>
public sealed record DocumentNumber(string Prefix, int? Year, int Serial)
{
    /// <summary>The canonical printed form: 湘政办发〔2021〕47号 with 六角括号, or 国务院令第706号 for an order.</summary>
    public override string ToString() => Year is { } year
        ? string.Create(CultureInfo.InvariantCulture, $"{Prefix}〔{year}〕{Serial}号")
        : string.Create(CultureInfo.InvariantCulture, $"{Prefix}第{Serial}号");
}
