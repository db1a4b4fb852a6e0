using TagCenter.Core.Sql;
using TagCenter.DuckDb.Storage;

namespace TagCenter.Bench.Ingest;

/// <summary>
/// The fair baseline for the full-schema load: what an engineer would write by hand in DuckDB SQL for this one
/// file, doing the same work — every column trimmed and null-normalised, standardised (phone to E.164, gender,
/// three date formats, city names, timestamp, int, decimal), checked (required, min), de-duplicated on
/// member_no, bad rows and nulled values to a quarantine with line and raw row, then published in one
/// transaction. It knows the file's formats in advance; TagCenter's load is general.
/// </summary>
internal static class HandWrittenLoad
{
    private static readonly string[] Columns = ["member_no", "name", "phone", "gender", "birthday", "city", "registered_at", "points", "amount"];

    public static void Run(WorkspaceDatabase db, string file)
    {
        var raw = string.Join(", ", Columns.Select(c => $"nullif(trim({c}), '') AS {c}"));
        var columns = "{" + string.Join(", ", Columns.Select(c => $"'{c}': 'VARCHAR'")) + "}";
        // Regular expressions only where a cheap test cannot decide; raw values kept only where they are needed.
        db.Execute($$"""
            CREATE TABLE staged AS
            SELECT * EXCLUDE (phone_raw, gender_raw, birthday_raw, city_raw, registered_at_raw, points_raw, amount_raw),
                CASE WHEN reason IS NOT NULL THEN to_json({member_no: member_no, phone: phone_raw, gender: gender_raw, birthday: birthday_raw,
                    city: city_raw, registered_at: registered_at_raw, points: points_raw, amount: amount_raw}) END AS raw_row,
                CASE WHEN phone IS NULL THEN phone_raw END AS phone_bad, CASE WHEN gender IS NULL THEN gender_raw END AS gender_bad,
                CASE WHEN birthday IS NULL THEN birthday_raw END AS birthday_bad, CASE WHEN city IS NULL THEN city_raw END AS city_bad
            FROM (
                SELECT *,
                    CASE WHEN member_no IS NULL THEN 'required_missing'
                         WHEN registered_at IS NULL THEN (CASE WHEN registered_at_raw IS NULL THEN 'required_missing' ELSE 'date_unparseable' END)
                         WHEN points_raw IS NOT NULL AND points IS NULL THEN 'int_invalid'
                         WHEN points < 0 THEN 'out_of_range'
                         WHEN amount_raw IS NOT NULL AND amount IS NULL THEN 'decimal_invalid'
                         WHEN amount < 0 THEN 'out_of_range' END AS reason
                FROM (
                    SELECT member_no, name,
                        CASE WHEN strlen(p) = 11 AND prefix(p, '1') AND TRY_CAST(p AS BIGINT) IS NOT NULL THEN '+86' || p
                             WHEN strlen(p) = 14 AND prefix(p, '+861') AND TRY_CAST(right(p, 11) AS BIGINT) IS NOT NULL THEN '+86' || right(p, 11)
                             WHEN regexp_full_match(p, '(0086|86)1[3-9][0-9]{9}') THEN '+86' || right(p, 11) END AS phone,
                        CASE WHEN gender IN ('男', 'M', '1') THEN 'male' WHEN gender IN ('女', 'F', '0', '2') THEN 'female' END AS gender,
                        CAST(CASE WHEN contains(birthday, '-') THEN try_strptime(birthday, '%Y-%m-%d')
                                  WHEN contains(birthday, '/') THEN try_strptime(birthday, '%Y/%m/%d')
                                  ELSE try_strptime(birthday, '%Y%m%d') END AS DATE) AS birthday,
                        CASE WHEN city IN ('上海', '北京', '杭州', '广州', '深圳', '成都') THEN city
                             WHEN city = 'Shenzhen' THEN '深圳'
                             WHEN contains(city, '省') THEN rtrim(split_part(city, '省', 2), '市')
                             ELSE nullif(rtrim(city, '市'), '') END AS city,
                        TRY_CAST(registered_at AS TIMESTAMP) AS registered_at,
                        TRY_CAST(replace(points, ',', '') AS BIGINT) AS points,
                        TRY_CAST(replace(amount, ',', '') AS DECIMAL(18,2)) AS amount,
                        phone AS phone_raw, gender AS gender_raw, birthday AS birthday_raw, city AS city_raw,
                        registered_at AS registered_at_raw, points AS points_raw, amount AS amount_raw
                    FROM (SELECT {{raw}}, translate(trim(phone), ' -', '') AS p
                          FROM read_csv({{SqlText.Literal(file)}}, header = true, auto_detect = false, columns = {{columns}}, delim = ',', quote = '"', escape = '"'))))
            """);
        db.Execute("""
            UPDATE staged SET reason = 'duplicate'
            FROM (SELECT member_no, min(rowid) AS first FROM staged WHERE reason IS NULL GROUP BY member_no HAVING count(*) > 1) d
            WHERE staged.member_no = d.member_no AND staged.rowid > d.first AND staged.reason IS NULL
            """);
        db.Execute("""
            CREATE TABLE q AS
            SELECT rowid + 2 AS line, NULL AS "column", NULL AS raw_value, reason, 'quarantined' AS action, raw_row FROM staged WHERE reason IS NOT NULL
            UNION ALL SELECT rowid + 2, 'phone', phone_bad, 'phone_invalid', 'nulled', NULL FROM staged WHERE reason IS NULL AND phone_bad IS NOT NULL
            UNION ALL SELECT rowid + 2, 'gender', gender_bad, 'gender_unknown_code', 'nulled', NULL FROM staged WHERE reason IS NULL AND gender_bad IS NOT NULL
            UNION ALL SELECT rowid + 2, 'birthday', birthday_bad, 'date_unparseable', 'nulled', NULL FROM staged WHERE reason IS NULL AND birthday_bad IS NOT NULL
            UNION ALL SELECT rowid + 2, 'city', city_bad, 'city_invalid', 'nulled', NULL FROM staged WHERE reason IS NULL AND city_bad IS NOT NULL
            """);
        db.Execute("BEGIN TRANSACTION");
        db.Execute("""
            CREATE TABLE src_members AS
            SELECT rowid + 2 AS _line, member_no, name, phone, gender, birthday, city, registered_at, points, amount FROM staged WHERE reason IS NULL
            """);
        db.Execute("""INSERT INTO quarantine SELECT 'members', 'L1', line, "column", raw_value, reason, NULL, action, raw_row FROM q""");
        db.Execute("COMMIT");
        db.Execute("DROP TABLE staged; DROP TABLE q");
    }
}
