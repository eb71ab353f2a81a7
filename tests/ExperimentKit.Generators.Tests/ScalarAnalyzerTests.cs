using ExperimentKit.Generators.Tests.Infrastructure;

namespace ExperimentKit.Generators.Tests;

/// <summary>EK1001 and EK1002 (generators/ExperimentKit.Analyzers) on snippets compiled against TorchSharp 0.107.</summary>
public class ScalarAnalyzerTests
{
    [Fact]
    public async Task A_number_passed_where_a_Scalar_is_expected_is_EK1001()
    {
        var findings = await AnalyzerHarness.Findings("""
            static class C
            {
                static Tensor Scale(Tensor t, Tensor mask) => t.mul(0.5).masked_fill(mask, -1e4).clamp_min(1);
            }
            """);

        Assert.Equal(["(3,57): EK1001 '0.5'", "(3,80): EK1001 '-1e4'", "(3,96): EK1001 '1'"], findings);
    }

    [Fact]
    public async Task A_cast_to_Scalar_is_EK1001_and_ToScalar_kept_by_using_is_fine()
    {
        var findings = await AnalyzerHarness.Findings("""
            static class C
            {
                static Tensor Cast(Tensor t) => t.mul((Scalar)0.5);

                static Tensor Owned(Tensor t)
                {
                    using var half = 0.5.ToScalar();
                    return t.mul(half);
                }
            }
            """);

        Assert.Equal(["(3,43): EK1001 '(Scalar)0.5'"], findings);
    }

    [Fact]
    public async Task Operators_and_members_that_make_a_Scalar_inside_TorchSharp_are_EK1002()
    {
        var findings = await AnalyzerHarness.Findings("""
            static class C
            {
                static Tensor Sum(Tensor a, Tensor b) => a + b;
                static Tensor Half(Tensor a) => a * 0.5;
                static Tensor Square(Tensor a) => a.square();
                static Tensor Positions(long n) => arange(n);
                static void Accumulate(Tensor a, Tensor b) => a.add_(b);
                static double Read(Tensor a) => a.ToDouble();
                static void Step(TorchSharp.Modules.AdamW optimizer) => optimizer.step();
            }
            """);

        Assert.Equal(
            [
                "(3,46): EK1002 'a + b'",
                "(4,37): EK1002 'a * 0.5'",
                "(5,39): EK1002 'a.square()'",
                "(6,40): EK1002 'arange(n)'",
                "(6,47): EK1001 'n'",
                "(7,51): EK1002 'a.add_(b)'",
                "(8,37): EK1002 'a.ToDouble()'",
                "(9,61): EK1002 'optimizer.step()'",
            ],
            findings);
    }

    [Fact]
    public async Task The_forms_that_make_no_Scalar_pass()
    {
        var findings = await AnalyzerHarness.Findings("""
            static class C
            {
                static readonly Scalar One = 1.ToScalar();

                static Tensor Fine(Tensor a, Tensor b, long n)
                {
                    using var length = n.ToScalar();
                    var positions = arange(One, length, One);
                    return a.add(b, One).sub(b).mul(a).div(b).add(positions, One);
                }

                static float Read(Tensor a) => a.item<float>();
            }
            """);

        Assert.Empty(findings);
    }

    [Fact]
    public async Task A_suppression_with_its_reason_silences_exactly_that_member()
    {
        var findings = await AnalyzerHarness.Findings("""
            static class C
            {
                [SuppressMessage("Reliability", "EK1002", Justification = "test: the deliberate exception")]
                static Tensor Allowed(Tensor a, Tensor b) => a + b;

                static Tensor Flagged(Tensor a, Tensor b) => a + b;
            }
            """);

        Assert.Equal(["(6,50): EK1002 'a + b'"], findings);
    }
}
