using DisclosurePolicy.Requests;
using Xunit;

namespace DisclosurePolicy.Tests.Requests;

public class SubjectTests
{
    [Fact]
    public void Constructor_Offences_AreCopiedOnceAndNullBecomesEmpty()
    {
        var offences = new List<OffenceCategory> { OffenceCategory.Terrorism };
        var subject = new Subject("@a", SubjectStatus.Suspect, offences);
        offences.Add(OffenceCategory.Spam);

        Assert.Equal([OffenceCategory.Terrorism], subject.Offences);
        Assert.Empty(new Subject("@b", SubjectStatus.Witness, (IEnumerable<OffenceCategory>?)null).Offences);
    }

    [Fact]
    public void Equality_ComparesAccountStatusAndOffencesInOrder()
    {
        var a = new Subject("@a", SubjectStatus.Suspect, OffenceCategory.Terrorism, OffenceCategory.Spam);

        Assert.Equal(a, new Subject("@a", SubjectStatus.Suspect, OffenceCategory.Terrorism, OffenceCategory.Spam));
        Assert.NotEqual(a, new Subject("@a", SubjectStatus.Suspect, OffenceCategory.Spam, OffenceCategory.Terrorism));
        Assert.NotEqual(a, new Subject("@a", SubjectStatus.Accused, OffenceCategory.Terrorism, OffenceCategory.Spam));
        Assert.NotEqual(a, new Subject("@A", SubjectStatus.Suspect, OffenceCategory.Terrorism, OffenceCategory.Spam));
        Assert.Equal("@a (Suspect)", a.ToString());
    }
}
