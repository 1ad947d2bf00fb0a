namespace SearchEngine.Core.Text;

/// <summary>Counting a word in a text, the way evidence is counted: ordinal, non-overlapping.</summary>
internal static class Occurrences
{
    public static int Count(string text, string word)
    {
        if (word.Length == 0)
            return 0;
        int count = 0;
        for (int at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + word.Length, StringComparison.Ordinal))
            count++;
        return count;
    }
}
