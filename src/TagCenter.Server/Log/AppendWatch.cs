namespace TagCenter.Server.Log;

/// <summary>
/// What the caller of an append is told on the log writer's thread, with the first record's offset: <see cref="Staged"/>
/// once the records have their offsets, just before they are written and synced (work that may start early, and must
/// not be shown to anyone until they are durable), and <see cref="Durable"/> once they are. Both must be quick.
/// If the write or sync fails, the log faults (<see cref="DurableLog.Faulted"/>) and staged records never become durable.
/// </summary>
public sealed record AppendWatch(Action<long>? Staged = null, Action<long>? Durable = null);
