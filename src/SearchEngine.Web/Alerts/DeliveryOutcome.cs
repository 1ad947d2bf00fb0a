namespace SearchEngine.Web.Alerts;

/// <summary>What became of one attempt at a delivery, for the staff's view of a saved search.</summary>
/// <param name="Delivery">The delivery's id.</param>
/// <param name="Documents">How many documents it announced.</param>
/// <param name="Attempt">Which attempt this was (1 for the first).</param>
/// <param name="Outcome">delivered, retrying or failed (given up).</param>
/// <param name="Status">The receiver's HTTP status, or the error that stood for one.</param>
/// <param name="At">When the attempt ended.</param>
internal sealed record DeliveryOutcome(string Delivery, int Documents, int Attempt, string Outcome, string Status, DateTimeOffset At);
