namespace SearchEngine.Core.Metadata;

/// <summary>文种 — the document type, read from the end of a title: …发展规划 → 规划, …指导意见 → 指导意见.</summary>
public static class DocumentTypeClassifier
{
    /// <summary>Types by the title endings that show them, longest ending first so 行动计划 wins over 计划.</summary>
    private static readonly (string Ending, string Type)[] Endings =
    [
        ("三年行动计划", "行动计划"), ("行动计划", "行动计划"), ("行动方案", "行动方案"), ("实施方案", "实施方案"),
        ("工作方案", "实施方案"), ("指导意见", "指导意见"), ("实施意见", "实施意见"), ("若干措施", "措施"),
        ("实施细则", "细则"), ("管理办法", "办法"), ("发展规划", "规划"), ("专项规划", "规划"), ("规划纲要", "规划"),
        ("规划", "规划"), ("计划", "计划"), ("方案", "实施方案"), ("意见", "意见"), ("通知", "通知"), ("办法", "办法"),
        ("细则", "细则"), ("措施", "措施"), ("决定", "决定"), ("纲要", "纲要"), ("规定", "规定"), ("条例", "条例"),
        ("公告", "公告"), ("通告", "通告"), ("批复", "批复"), ("工作报告", "报告"), ("报告", "报告"), ("通报", "通报"),
        ("答复", "答复"), ("复函", "函"), ("函", "函"), ("工作要点", "要点"), ("要点", "要点"), ("纪要", "纪要"),
        ("决议", "决议"), ("命令", "命令"), ("规则", "规则"), ("准则", "准则"), ("守则", "规则"), ("章程", "章程"),
        ("指南", "指南"), ("清单", "清单"), ("目录", "目录"), ("标准", "标准"), ("制度", "制度"), ("预案", "预案"),
        ("公报", "公报"), ("请示", "请示"), ("议案", "议案"), ("法", "法律"),
    ];

    /// <summary>The type a title shows, or null when its ending names none.</summary>
    public static string? FromTitle(string title)
    {
        var t = title.TrimEnd('》', '”', '"', ' ', '。');
        foreach (var (ending, type) in Endings)
        {
            if (t.EndsWith(ending, StringComparison.Ordinal))
                return type;
        }
        return null;
    }

    /// <summary>True when a line ends the way titles end (it names a document type).</summary>
    public static bool EndsLikeTitle(string line) => FromTitle(line) is not null;
}
