namespace SearchEngine.Core.Metadata;

/// <summary>
/// What a labelled line of a page's information table or a legal-database export states
/// (发文机关：…, 【发文字号】…, 成文日期：…).
/// </summary>
internal enum PrintedLabel
{
    /// <summary>发文机关, 发布部门, 制定机关.</summary>
    Issuer,

    /// <summary>发文字号, 文号.</summary>
    Number,

    /// <summary>成文日期.</summary>
    SigningDate,

    /// <summary>发布日期, 公布日期.</summary>
    PublicationDate,

    /// <summary>实施日期, 施行日期.</summary>
    EffectiveDate,

    /// <summary>标题, 名称.</summary>
    Title,

    /// <summary>索引号.</summary>
    IndexNumber,

    /// <summary>主题分类.</summary>
    Topic,

    /// <summary>来源, 信息来源.</summary>
    Source,

    /// <summary>Labels that carry nothing we read (时效性, 效力级别, 法宝引证码, 原文链接, 组配分类, 主题词): the line is still furniture, not a title.</summary>
    Other,
}
