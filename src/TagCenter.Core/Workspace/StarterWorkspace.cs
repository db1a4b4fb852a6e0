namespace TagCenter.Core.Workspace;

/// <summary>What <c>tagcenter init</c> writes: a small, commented workspace that loads as it is.</summary>
public static class StarterWorkspace
{
    public const string ExampleDataPath = "data/customers.csv";

    public const string OrdersDataPath = "data/orders.csv";

    public const string TagsPath = "tags/基础.yaml";

    public const string OrdersData = """
        订单号,客户编号,下单时间,实付金额
        O1001,C0001,2026-10-02 10:15:00,299.00
        O1002,C0001,2026-10-20 20:01:00,88.50
        O1003,C0002,2026-09-11 09:30:00,1299.00
        O1004,C0003,2025-12-24 18:45:00,36.00

        """;

    /// <summary>Two tags that run on the starter data: one from a golden field, one from the orders fact.</summary>
    public const string Tags = """
        # One file per theme: path is 维度/主题; each tag has a stable code, a kind and a type.
        # After editing: tagcenter plan (what would change), tagcenter apply (publish), tagcenter refresh (compute).
        path: 基础属性/示例
        tags:
          城市:
            code: city
            type: string
            description: 顾客所在城市（统一档案）
            from: city                 # one step from a golden field (identity.golden in tagcenter.yaml)
          近90天消费金额:
            code: spend_90d
            type: decimal
            unit: 元
            description: 近 90 天实付金额合计
            definition: 订单表中下单时间在计算日前 90 天内的实付金额之和
            rule: >-                   # a rule with ': ' inside must be a block (>-) or quoted
              sum('orders', amount, within: 90d)

        """;

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

        # Identity: identifiers in the same row belong to one person (OneID). The golden record (dim_person) takes
        # each field from the sources listed, by a rule: source_priority | most_recent | most_frequent | first_non_empty.
        identity:
          golden:
            city: { rule: most_recent, from: [customers.city] }
            gender: { rule: most_frequent, from: [customers.gender] }
            birthday: { rule: first_non_empty, from: [customers.birthday] }

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

          orders:
            kind: csv
            path: data/orders.csv
            fact: orders               # rows land in fact_orders with the person's oneid, for behaviour tags
            event_time: ordered_at     # when the row happened (windows such as within: 90d use it)
            dedupe: [order_id]
            columns:
              order_id: { from: 订单号, required: true }
              customer_id: { from: 客户编号, required: true, identifier: member_no }
              ordered_at: { from: 下单时间, type: timestamp, required: true }
              amount: { from: 实付金额, type: decimal, min: 0 }

          # A PostgreSQL table (or query:), read with the connection string in an environment variable:
          # crm_members:
          #   kind: postgres
          #   connection_env: CRM_PG        # e.g. Host=10.0.0.5;Username=reader;Password=...;Database=crm
          #   table: public.members
          #   columns:
          #     member_no: { required: true, identifier: member_no }
        """;
}
