namespace TagCenter.Core.Cleansing;

/// <summary>Why a row or a value went to quarantine; stable codes, translated for display.</summary>
public static class ReasonCodes
{
    public const string RequiredMissing = "required_missing";
    public const string PhoneInvalid = "phone_invalid";
    public const string EmailInvalid = "email_invalid";
    public const string GenderUnknownCode = "gender_unknown_code";
    public const string DateUnparseable = "date_unparseable";
    public const string IntInvalid = "int_invalid";
    public const string DecimalInvalid = "decimal_invalid";
    public const string BoolInvalid = "bool_invalid";
    public const string CityInvalid = "city_invalid";
    public const string ValueNotAllowed = "value_not_allowed";
    public const string PatternMismatch = "pattern_mismatch";
    public const string OutOfRange = "out_of_range";
    public const string RejectedValue = "rejected_value";
    public const string Duplicate = "duplicate";
    public const string MalformedRow = "malformed_row";
    public const string JsonInvalid = "json_invalid";
    public const string JsonNotScalar = "json_not_scalar";
}
