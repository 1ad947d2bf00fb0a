using System.Globalization;

namespace SearchEngine.Core.Documents;

/// <summary>
/// 发文字号 — issuing number, e.g. 湘政办发〔2021〕47号: agency prefix, year and serial.
/// 〔2021〕, (2021), [2021], ［2021］ and a space before 号 all denote the same number.
/// </summary>
public sealed record DocumentNumber(string Prefix, int Year, int Serial)
{
    /// <summary>The canonical printed form with 六角括号: 湘政办发〔2021〕47号.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix}〔{Year}〕{Serial}号");
}
