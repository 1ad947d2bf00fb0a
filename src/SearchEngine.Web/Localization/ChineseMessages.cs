using System.Text.RegularExpressions;

namespace SearchEngine.Web.Localization;

/// <summary>
/// The API's sentences in Chinese, for clients whose Accept-Language prefers it (the page always does): problem
/// titles and details, and the query parser's warnings. The English sentence is the source; each pattern here
/// rewrites one of them, keeping the values it names. A sentence without a pattern stays English, so a new message is
/// never lost, only untranslated.
/// </summary>
internal static partial class ChineseMessages
{
    private static readonly (Regex Pattern, string Chinese)[] Sentences =
    [
        (Rx(@"^No document has the id '(.*)'\.$"), "没有编号为“$1”的文件。"),
        (Rx(@"^The original file of '(.*)' is no longer available\.$"), "文件“$1”的原件已不在服务器上。"),
        (Rx(@"^The query is (\d+) characters long; the limit is (\d+)\.$"), "检索词有 $1 个字符，最多 $2 个。"),
        (Rx(@"^The query is longer than (\d+) characters\.$"), "检索词超过 $1 个字符。"),
        (Rx(@"^The prefix is longer than (\d+) characters\.$"), "输入超过 $1 个字符。"),
        (Rx(@"^(size|page|count|facetLimit|limit) must be between (\d+) and (\d+); it was (-?\d+)\.$"), "参数 $1 应在 $2 到 $3 之间，收到的是 $4。"),
        (Rx(@"^format must be 'csv' or 'xlsx'; it was '(.*)'\.$"), "参数 format 只能是 csv 或 xlsx，收到的是“$1”。"),
        (Rx(@"^The export could not be written: .*$"), "导出文件未能写入：服务器的临时目录已满或不可写；请稍后再试。"),
        (Rx(@"^group must be 'document' or 'section'; it was '(.*)'\.$"), "参数 group 只能是 document 或 section，收到的是“$1”。"),
        (Rx(@"^sort must be (.*); it was '(.*)'\.$"), "参数 sort 只能是 $1，收到的是“$2”。"),
        (Rx(@"^in must be 'indicator' or 'sentence'; it was '(.*)'\.$"), "参数 in 只能是 indicator 或 sentence，收到的是“$1”。"),
        (Rx(@"^targetYear must be a year; it was (-?\d+)\.$"), "参数 targetYear 应是年份，收到的是 $1。"),
        (Rx(@"^name is required, at most (\d+) characters; it was (\d+)\.$"), "请填写名称（name），最多 $1 个字符，收到 $2 个。"),
        (Rx(@"^search is required: .*$"), "请给出检索（search）：检索页地址中的查询串，如 q=氢能&region=湖南省。"),
        (Rx(@"^The saved search names an unknown parameter '(.*)'\.$"), "订阅的检索中有未知参数“$1”。"),
        (Rx(@"^url must be an absolute http or https URL\.$"), "url 应是完整的 http 或 https 地址。"),
        (Rx(@"^url's host '(.*)' is not among the hosts webhooks may go to .*$"), "接收地址的主机“$1”不在允许推送的主机之列（SearchEngine:WebhookHosts）。"),
        (Rx(@"^secret must be (\d+) to (\d+) characters; it was (\d+)\.$"), "secret 应为 $1 到 $2 个字符，收到 $3 个。"),
        (Rx(@"^The server keeps at most (\d+) saved searches; delete one first\.$"), "服务器最多保存 $1 个订阅，请先删除一个。"),
        (Rx(@"^No saved search has the id '(.*)'\.$"), "没有编号为“$1”的订阅。"),
        (Rx(@"^year must be a year or a range such as 2021\.\.2024; it was '(.*)'\.$"), "年份应是一个年份或范围（如 2021..2024），收到的是“$1”。"),
        (Rx(@"^The parameter '(.*)' must be a whole number; it was '(.*)'\.$"), "参数 $1 应是整数，收到的是“$2”。"),
        (Rx(@"^q is required: the term whose use by issuer and year to count\.$"), "请给出检索词（q）：要比较各发文机关逐年使用的词。"),
        (Rx(@"^from must be 0 or more; it was (-?\d+)\.$"), "参数 from 不能小于 0，收到的是 $1。"),
        (Rx(@"^at must be 0 or more; it was (-?\d+)\.$"), "参数 at 不能小于 0，收到的是 $1。"),
        (Rx(@"^The document '(.*)' has no section (-?\d+)\.$"), "文件“$1”没有第 $2 节。"),
        (Rx(@"^This endpoint needs an API key in the (.*) header\.$"), "此操作需要在 $1 请求头中提供接口密钥。"),
        (Rx(@"^The API key is not valid\.$"), "接口密钥不正确。"),
        (Rx(@"^Writing is disabled: .*$"), "服务器未配置接口密钥，不能上传或删除。"),
        (Rx(@"^The upload is ([\d,]+) bytes; the limit is ([\d,]+)\.$"), "上传文件 $1 字节，上限 $2 字节。"),
        (Rx(@"^Files of type '(.*)' cannot be indexed; send (.*)\.$"), "不能索引“$1”类型的文件；请上传 $2。"),
        (Rx(@"^Send the file as multipart form data in a field named 'file'\.$"), "请以 multipart 表单的 file 字段上传文件。"),
        (Rx(@"^The request body is not valid multipart form data.*$"), "请求内容不是有效的 multipart 表单；请在 file 字段中上传文件。"),
        (Rx(@"^The upload could not be stored.*$"), "服务器的上传目录已满或不可写，文件未保存；请稍后再试。"),
        (Rx(@"^The upload arrived too slowly.*$"), "上传速度过慢，已中止，未保存任何内容。"),
        (Rx(@"^The file could not be indexed: (.*)\.$"), "文件无法索引：$1。"),
        (Rx(@"^Too many requests from this address; try again in (\d+) seconds\..*$"), "请求过于频繁，请 $1 秒后再试。"),
        // query warnings
        (Rx(@"^'(.*)' does not occur in any document\.$"), "“$1”在所有文件中都没有出现。"),
        (Rx(@"^'(.*)' has nothing searchable .*$"), "“$1”没有可检索的内容（标点或过于常用的字词），已忽略。"),
        (Rx(@"^""(.*)"" has nothing searchable; it was ignored\.$"), "“$1”没有可检索的内容，已忽略。"),
        (Rx(@"^A quote was not closed.*$"), "引号没有闭合，短语延续到检索式末尾。"),
        (Rx(@"^A '\(' was not closed.*$"), "左括号没有闭合，已在检索式末尾补上。"),
        (Rx(@"^An unmatched '\)' was ignored\.$"), "多余的右括号已忽略。"),
        (Rx(@"^Brackets nested deeper than (\d+) levels were flattened\.$"), "括号嵌套超过 $1 层，已展平。"),
        (Rx(@"^OR needs a term on both sides.*$"), "OR 两边都需要检索词，多余的 OR 已忽略。"),
        (Rx(@"^'-' or NOT needs a term after it.*$"), "“-”或 NOT 后面需要检索词，已忽略。"),
        (Rx(@"^A query of exclusions only .*$"), "检索式只有排除词，没有可排除的对象，排除词已忽略。"),
        (Rx(@"^Unknown field '(.*):'.*$"), "未知字段“$1:”，已按普通词检索。可用字段：title、heading、body、unit、year、issuer、industry、region、type。"),
        (Rx(@"^The query is empty.*$"), "检索式为空：请输入检索词，或选择筛选条件。"),
    ];

    private static readonly Dictionary<string, string> Titles = new(StringComparer.Ordinal)
    {
        ["Invalid request"] = "请求无效",
        ["Document not found"] = "文件不存在",
        ["Saved search not found"] = "订阅不存在",
        ["File not found"] = "原件不存在",
        ["Too many requests"] = "请求过于频繁",
        ["File too large"] = "文件过大",
        ["Unsupported file type"] = "文件类型不支持",
        ["Unreadable file"] = "文件无法读取",
        ["Over the upload budget"] = "超出上传限额",
        ["No file"] = "没有文件",
        ["Invalid form data"] = "表单无效",
        ["Upload too slow"] = "上传过慢",
        ["The upload could not be stored"] = "上传未能保存",
        ["The index could not be written"] = "索引无法写入",
        ["API key required"] = "缺少接口密钥",
        ["Invalid API key"] = "接口密钥不正确",
        ["Writing disabled"] = "未开放写入",
        ["The export could not be written"] = "导出失败",
    };

    /// <summary>The Chinese sentence for an English one, or the English one when no pattern knows it.</summary>
    public static string Sentence(string english)
    {
        foreach (var (pattern, chinese) in Sentences)
        {
            if (pattern.IsMatch(english))
                return pattern.Replace(english, chinese);
        }
        return english;
    }

    public static string Title(string english) => Titles.GetValueOrDefault(english, english);

    private static Regex Rx(string pattern) => new(pattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
}
