namespace DisclosurePolicy.Records.JsonLines.Internal;

/// <summary>
/// Reads the lines of a stream one at a time through a buffer that grows to the longest line read, never to the size of
/// the stream, with every position and count 64-bit.
/// </summary>
/// <remarks><para>A line longer than the longest this reader buffers is passed over to its line end without being kept:
/// it is reported with its position and length and no content, so a file holding one huge line (a binary file, a tail of
/// zero bytes) costs no more memory than a file of records.</para></remarks>
internal sealed class LineReader
{
    /// <summary>The longest line buffered by default: far beyond any record, and still a bounded amount of memory.</summary>
    public const int DefaultMaxLineBytes = 64 * 1024 * 1024;

    private const int InitialBufferBytes = 64 * 1024;

    private readonly Stream _stream;
    private readonly int _maxLineBytes;
    private byte[] _buffer;
    private int _head;
    private int _tail;
    private long _bufferPosition;
    private long _lineCount;
    private bool _endOfStream;

    /// <summary>Initializes a new instance of the <see cref="LineReader"/> class over a stream read from its current
    /// position, which counts as position 0.</summary>
    public LineReader(Stream stream, int maxLineBytes = DefaultMaxLineBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxLineBytes);
        _stream = stream;
        _maxLineBytes = maxLineBytes;
        _buffer = new byte[Math.Min(InitialBufferBytes, maxLineBytes)];
    }

    /// <summary>Gets the size of the buffer, which is what reading costs in memory.</summary>
    public int BufferBytes => _buffer.Length;

    /// <summary>Reads the next line.</summary>
    /// <param name="line">The line; its content is valid until the next call.</param>
    /// <returns><see langword="false"/> at the end of the stream.</returns>
    public bool TryRead(out Line line)
    {
        long start = _bufferPosition + _head;
        int searched = 0;
        while (true)
        {
            int newLine = _buffer.AsSpan(_head + searched, _tail - _head - searched).IndexOf((byte)'\n');
            if (newLine >= 0)
            {
                int length = searched + newLine;
                line = new Line(++_lineCount, start, length, terminated: true, _buffer.AsSpan(_head, length));
                _head += length + 1;
                return true;
            }

            searched = _tail - _head;
            if (_endOfStream)
            {
                if (searched == 0)
                {
                    line = default;
                    return false;
                }

                line = new Line(++_lineCount, start, searched, terminated: false, _buffer.AsSpan(_head, searched));
                _head = _tail;
                return true;
            }

            if (searched >= _maxLineBytes)
            {
                line = PassOverLongLine(start);
                return true;
            }

            Fill();
        }
    }

    private Line PassOverLongLine(long start)
    {
        long length = 0;
        while (true)
        {
            int newLine = _buffer.AsSpan(_head, _tail - _head).IndexOf((byte)'\n');
            if (newLine >= 0)
            {
                _head += newLine + 1;
                return new Line(++_lineCount, start, length + newLine, terminated: true, content: default, isTooLong: true);
            }

            length += _tail - _head;
            _head = _tail;
            if (_endOfStream)
            {
                return new Line(++_lineCount, start, length, terminated: false, content: default, isTooLong: true);
            }

            Fill();
        }
    }

    // Keeps the unread part of the buffer, growing the buffer only when that part fills it, then reads more after it.
    private void Fill()
    {
        if (_head > 0)
        {
            _buffer.AsSpan(_head, _tail - _head).CopyTo(_buffer);
            _bufferPosition += _head;
            _tail -= _head;
            _head = 0;
        }

        if (_tail == _buffer.Length)
        {
            Array.Resize(ref _buffer, (int)Math.Min((long)_buffer.Length * 2, _maxLineBytes));
        }

        int read = _stream.Read(_buffer, _tail, _buffer.Length - _tail);
        _tail += read;
        _endOfStream = read == 0;
    }

    /// <summary>One line of the stream, without its line end.</summary>
    public readonly ref struct Line
    {
        public Line(long number, long start, long length, bool terminated, ReadOnlySpan<byte> content, bool isTooLong = false)
        {
            Number = number;
            Start = start;
            Length = length;
            Terminated = terminated;
            Content = content;
            IsTooLong = isTooLong;
        }

        /// <summary>Gets the line's number, counted from 1.</summary>
        public long Number { get; }

        /// <summary>Gets the position of the line's first byte.</summary>
        public long Start { get; }

        /// <summary>Gets the number of bytes of the line, its line end excluded.</summary>
        public long Length { get; }

        /// <summary>Gets a value indicating whether a line end follows the line.</summary>
        public bool Terminated { get; }

        /// <summary>Gets the line's bytes, or nothing when <see cref="IsTooLong"/>.</summary>
        public ReadOnlySpan<byte> Content { get; }

        /// <summary>Gets a value indicating whether the line was longer than the reader buffers, and so passed over.</summary>
        public bool IsTooLong { get; }
    }
}
