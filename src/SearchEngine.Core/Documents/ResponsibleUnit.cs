namespace SearchEngine.Core.Documents;

/// <summary>牵头/责任单位 — a department named as responsible for a task.</summary>
/// <param name="Name">Normalised name, e.g. 市工业和信息化局 for 市工信局.</param>
/// <param name="IsLead">True when the text names it 牵头 (lead unit).</param>
public sealed record ResponsibleUnit(string Name, bool IsLead);
