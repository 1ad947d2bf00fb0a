using System.Globalization;

namespace SearchEngine.Web.Feeds;

/// <summary>
/// A document's time in a feed, written in RFC 3339 as Atom requires. A policy document has a day, not a time: it is
/// the start of that day in China Standard Time (UTC+8), where the documents are issued, so the day a reader sees
/// is the printed one in any time zone. A document without a date is placed on 1 January of its year (as the
/// date order already places it). One with neither gets <see cref="Undated"/>: the index snapshot
/// (<c>IIndexSnapshot</c>) exposes a commit generation but no commit time, so there is no better time to give, and
/// a fixed one keeps the entry's <c>updated</c> stable between polls, sorting it last as the search does.
/// </summary>
internal static class FeedDates
{
    /// <summary>China Standard Time, which has no daylight saving.</summary>
    public static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    /// <summary>The time of a document with neither a date nor a year: 1970-01-01T00:00:00Z, the Unix epoch.</summary>
    public static readonly DateTimeOffset Undated = DateTimeOffset.UnixEpoch;

    public static DateTimeOffset Of(DateOnly? date, int? year) => date is { } day
        ? new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), ChinaOffset)
        : year is int y and >= 1 and <= 9999 ? new DateTimeOffset(y, 1, 1, 0, 0, 0, ChinaOffset) : Undated;

    /// <summary>RFC 3339: 2021-06-30T00:00:00+08:00; the epoch as 1970-01-01T00:00:00Z.</summary>
    public static string Rfc3339(DateTimeOffset time) => time.Offset == TimeSpan.Zero
        ? time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
        : time.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
