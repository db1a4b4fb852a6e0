namespace TagCenter.Core.Workspace;

/// <summary>What <c>tagcenter init</c> writes: a small, commented workspace that loads as it is.</summary>
public static class StarterWorkspace
{
    public const string ExampleDataPath = "data/customers.csv";

    public const string ExampleData = """
        客户编号,手机,性别,生日,城市,累计消费
        C0001,138 0013 8000,男,1990/1/5,上海市,1280.50
        C0002,+86-13900139000,F,19851231,广东省广州市,"¥2,310.00"
        C0003,1370013700,女,1992年3月8日,Beijing,36元

        """;

    public const string Yaml = """
        # TagCenter workspace. Everything TagCenter does is declared here (and later in tags/ and segments/),
        # so the workspace can live in git and be reviewed like code. Unknown keys are errors, not ignored.
        name: my-workspace

        # Country calling code for phone numbers written without one (138 0013 8000 → +8613800138000).
        default_country_code: "86"

        # What gets tagged. "person" (customers) is always there; add stores, suppliers, patients...
        entities:
          person: { description: 顾客 / customer }

        # Identifier types beyond the built-in ones (member_no, phone, email, device_id, openid, unionid, cookie).
        # identifiers:
        #   employee_no: { description: 员工号 }

        sources:
          customers:
            kind: csv                  # csv | jsonl | parquet | postgres
            path: data/customers.csv   # relative to this folder
            encoding: utf-8            # utf-8 | gbk | gb18030 (Chinese exports are often GBK)
            # delimiter: ","           # quote: '"'   header: true
            description: 示例客户表 / example customer table
            dedupe: [customer_id]      # later rows with the same key go to quarantine as duplicates
            # max_reject_ratio: 0.5    # above this share of bad rows the load fails and nothing changes
            columns:
              # name: { from: <header in the file>, type: ..., required: ..., identifier: ... }
              # types: string int decimal bool date timestamp phone email gender city
              customer_id: { from: 客户编号, required: true, identifier: member_no }
              phone: { from: 手机, type: phone, identifier: phone, on_invalid: "null" }  # bad phone: value nulled, row kept
              gender: { from: 性别, type: gender }          # 男/女/M/F/1/0/male → male | female | unknown
              birthday: { from: 生日, type: date, min: 1900, max: 2026 }  # for dates, min/max are years
              city: { from: 城市, type: city }              # 上海市 / Shanghai → 上海
              total_spent: { from: 累计消费, type: decimal, unit: yuan, min: 0 }  # ¥1,299.00, 88元, 1250分

          # A PostgreSQL table (or query:), read with the connection string in an environment variable:
          # crm_members:
          #   kind: postgres
          #   connection_env: CRM_PG        # e.g. Host=10.0.0.5;Username=reader;Password=...;Database=crm
          #   table: public.members
          #   columns:
          #     member_no: { required: true, identifier: member_no }
        """;
}
