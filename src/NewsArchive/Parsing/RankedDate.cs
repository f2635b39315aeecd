namespace NewsArchive.Parsing;

/// <summary>Keeps the best date offered: lowest rank first, then earliest in the page.</summary>
internal struct RankedDate
{
    private int _rank;
    private int _order;

    public DateTimeOffset? Value { get; private set; }

    public void Offer(int rank, int order, DateTimeOffset? value)
    {
        if (value is null)
        {
            return;
        }

        if (Value is null || rank < _rank || (rank == _rank && order < _order))
        {
            Value = value;
            _rank = rank;
            _order = order;
        }
    }
}
