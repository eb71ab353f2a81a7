using System.Text;

namespace ExperimentKit.Data;

/// <summary>
/// Reads a UTF-8 text file line by line from its bytes, strictly: StreamReader decodes whole buffers ahead of the
/// line it returns, so it could not say which line holds an invalid byte; decoding each line on its own can.
/// A byte-order mark is skipped; a line ends at LF, with a CR before it dropped.
/// </summary>
internal sealed class Utf8LineReader : IDisposable
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static ReadOnlySpan<byte> ByteOrderMark => [0xEF, 0xBB, 0xBF];

    private readonly FileStream _stream;
    private readonly string _path;
    private byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;
    private bool _endOfFile;

    public Utf8LineReader(string path)
    {
        _path = path;
        _stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        Fill();
        if (_buffer.AsSpan(_start, _end - _start).StartsWith(ByteOrderMark))
        {
            _start += ByteOrderMark.Length;
        }
    }

    /// <summary>The 1-based number of the line last returned.</summary>
    public int LineNumber { get; private set; }

    /// <summary>The next line without its line break; null at the end of the file.</summary>
    /// <exception cref="DataFormatException">The line holds bytes that are not UTF-8; the message names line and column.</exception>
    public string? ReadLine()
    {
        while (true)
        {
            int newline = _buffer.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
            if (newline >= 0 || (_endOfFile && _start < _end))
            {
                int length = newline >= 0 ? newline : _end - _start;
                string line = Decode(_buffer.AsSpan(_start, length));
                _start += newline >= 0 ? length + 1 : length;
                return line;
            }

            if (_endOfFile)
            {
                return null;
            }

            Fill();
        }
    }

    public void Dispose() => _stream.Dispose();

    /// <summary>Moves the unread bytes to the front (growing the buffer for a line longer than it) and reads more.</summary>
    private void Fill()
    {
        int unread = _end - _start;
        if (unread == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }
        else
        {
            _buffer.AsSpan(_start, unread).CopyTo(_buffer);
        }

        _start = 0;
        _end = unread;
        int read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        _end += read;
        _endOfFile = read == 0;
    }

    private string Decode(ReadOnlySpan<byte> bytes)
    {
        LineNumber++;
        if (bytes.EndsWith((byte)'\r'))
        {
            bytes = bytes[..^1];
        }

        try
        {
            return Strict.GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            // Index is the first bad byte in this line; everything before it decoded, so it can be counted in characters.
            int column = Strict.GetCharCount(bytes[..ex.Index]) + 1;
            throw new DataFormatException(_path, LineNumber, column, $"bytes that are not valid UTF-8 (0x{bytes[ex.Index]:X2} at byte {ex.Index + 1} of the line).");
        }
    }
}
