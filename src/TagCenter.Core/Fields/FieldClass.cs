namespace TagCenter.Core.Fields;

/// <summary>A field's place in the whitelist (字段白名单).</summary>
public enum FieldClass
{
    /// <summary>Used by a tag, a golden field or an identifier.</summary>
    Core,

    /// <summary>Loaded with values, not used yet.</summary>
    Auxiliary,

    /// <summary>Empty, constant, or a copy of another field of the same table.</summary>
    Redundant,
}
