using System.CommandLine;
using TagCenter.Cli.Console;

namespace TagCenter.Cli.Commands.Segments;

/// <summary><c>tagcenter segment …</c>: find people (找人) with rules over tags and behaviour, and follow them over time.</summary>
internal static class SegmentCommand
{
    public static Command Create(CliOptions o) => new("segment", o.Texts["cmd.segment"])
    {
        SegmentCountCommand.Create(o),
        SegmentCreateCommand.Create(o),
        SegmentListCommand.Create(o),
        SegmentShowCommand.Create(o, trend: false),
        SegmentShowCommand.Create(o, trend: true),
        SegmentMembersCommand.Create(o),
        SegmentExportCommand.Create(o),
        SegmentExplainCommand.Create(o),
        SegmentOverlapCommand.Create(o),
        SegmentPortraitCommand.Create(o),
    };
}
