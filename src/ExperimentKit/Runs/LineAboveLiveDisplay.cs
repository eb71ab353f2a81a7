using Spectre.Console.Rendering;

namespace ExperimentKit.Runs;

/// <summary>
/// A line written while Spectre's live display runs. Spectre 0.57.2 moves the cursor back to the display's first row
/// and writes over it without erasing, so a line that wraps onto a second row left the display's old rows showing
/// through its end; erasing from the cursor down first gives the line as many clean rows as it takes.
/// </summary>
public sealed class LineAboveLiveDisplay(IRenderable line) : IRenderable
{
    private const string EraseBelow = "\u001b[J";

    public Measurement Measure(RenderOptions options, int maxWidth) => line.Measure(options, maxWidth);

    public IEnumerable<Segment> Render(RenderOptions options, int maxWidth) =>
        [Segment.Control(EraseBelow), .. line.Render(options, maxWidth), Segment.LineBreak];
}
