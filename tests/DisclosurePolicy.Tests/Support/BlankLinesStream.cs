namespace DisclosurePolicy.Tests.Support;

/// <summary>
/// A read-only stream of any length that costs no memory or disk: a run of blank lines (spaces ended by a line end, which
/// a record file may hold anywhere), then the given bytes. It lets a reader meet positions past 2 GiB in a test that
/// reads gigabytes in a second or two.
/// </summary>
public sealed class BlankLinesStream : Stream
{
    private readonly long _blankLines;
    private readonly int _lineBytes;
    private readonly byte[] _tail;
    private long _position;

    public BlankLinesStream(long blankLines, int lineBytes, byte[] tail)
    {
        _blankLines = blankLines;
        _lineBytes = lineBytes;
        _tail = tail;
    }

    public long BlankBytes => _blankLines * _lineBytes;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => BlankBytes + _tail.Length;

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int written = 0;
        while (written < buffer.Length && _position < BlankBytes)
        {
            int inLine = (int)(_position % _lineBytes);
            if (inLine == _lineBytes - 1)
            {
                buffer[written++] = (byte)'\n';
                _position++;
                continue;
            }

            int run = Math.Min(_lineBytes - 1 - inLine, buffer.Length - written);
            buffer.Slice(written, run).Fill((byte)' ');
            written += run;
            _position += run;
        }

        if (written < buffer.Length && _position >= BlankBytes)
        {
            int from = (int)(_position - BlankBytes);
            int count = Math.Min(_tail.Length - from, buffer.Length - written);
            _tail.AsSpan(from, count).CopyTo(buffer[written..]);
            written += count;
            _position += count;
        }

        return written;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
