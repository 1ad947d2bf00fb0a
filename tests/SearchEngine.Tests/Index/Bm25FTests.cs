using SearchEngine.Index.Search;
using SearchEngine.Search.Model;

namespace SearchEngine.Tests.Index;

/// <summary>The pseudo-frequency summed over a posting's fields only equals the sum over all fields, to the last bit.</summary>
public sealed class Bm25FTests
{
    [Fact]
    public void The_sum_over_a_postings_fields_equals_the_sum_over_every_field()
    {
        var random = new Random(20261202);
        for (int trial = 0; trial < 5000; trial++)
        {
            var averages = Enumerable.Range(0, IndexFields.TextFieldCount).Select(_ => 1 + (random.NextDouble() * 500)).ToArray();
            var bm25 = new Bm25F(averages, random.Next(1, 1 << IndexFields.ScoringFieldCount));
            var tf = new int[IndexFields.ScoringFieldCount];
            int present = 0;
            for (int f = 0; f < tf.Length; f++)
            {
                if (random.Next(3) == 0)
                {
                    tf[f] = random.Next(1, 300);
                    present |= 1 << f;
                }
            }
            var norms = Enumerable.Range(0, IndexFields.TextFieldCount).Select(_ => LengthNorm.Encode(random.Next(0, 50000))).ToArray();
            Assert.Equal(bm25.PseudoFrequency(tf, norms), bm25.PseudoFrequency(tf, norms, present));
        }
    }
}
