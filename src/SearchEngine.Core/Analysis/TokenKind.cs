namespace SearchEngine.Core.Analysis;

/// <summary>What kind of term a token is.</summary>
public enum TokenKind
{
    /// <summary>A word of the segmentation: dictionary, lexicon or recognised by the HMM.</summary>
    Word,

    /// <summary>A number, possibly decimal: 4190.73.</summary>
    Number,

    /// <summary>Latin letters and digits: 5g, v2.0, c919.</summary>
    Alphanumeric,

    /// <summary>A time or quantity kept whole: 2025年, 2021-2025年, 9.9%.</summary>
    Quantity,

    /// <summary>发文字号 kept whole: 湘政办发(2021)47号.</summary>
    DocumentNumber,

    /// <summary>Index only: a part of a longer token (农业 in 中国农业发展银行, 2025 in 2025年), for substring recall.</summary>
    SubWord,
}
