namespace SearchEngine.Core.Targets;

/// <summary>What a heading or a paragraph's opening says the text under it is about.</summary>
internal enum TargetFrame
{
    /// <summary>Nothing said: the document's kind decides.</summary>
    None,

    /// <summary>发展目标, 主要指标, 预期目标: every quantity is a goal.</summary>
    Goal,

    /// <summary>重点任务, 推进举措, 今年工作: plans in the imperative, where counts to build are goals.</summary>
    Task,

    /// <summary>发展形势, 面临的挑战: figures describe the world, not goals.</summary>
    Situation,

    /// <summary>发展基础, 工作回顾, 过去一年: figures are results.</summary>
    Past,
}
