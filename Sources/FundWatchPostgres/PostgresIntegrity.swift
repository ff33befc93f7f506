/// Migration v4 of the PostgreSQL store: the registers' reference to their submission is
/// checked once per statement instead of once per row.
///
/// A foreign key makes PostgreSQL run a lookup with a row lock for every register row; at
/// national scale (2.9 M rows) that was half of an import. An import writes a submission's
/// rows with one `COPY` per register, all naming the id it has just inserted, so the same
/// guarantee is kept by a statement trigger that looks up each distinct id of the
/// statement's new rows once, and by a row trigger on `submissions` that refuses to delete
/// (or renumber) a submission that still has rows, as the foreign key did.
enum PostgresIntegrity {
    static let registers = ["institutions", "inspections", "cases"]

    static let version4: [String] =
        registers.map { "ALTER TABLE \($0) DROP CONSTRAINT IF EXISTS \($0)_submission_id_fkey" } + [
            """
            CREATE OR REPLACE FUNCTION fundwatch_rows_have_submission() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF EXISTS (SELECT 1 FROM (SELECT DISTINCT submission_id FROM new_rows) AS n
                         WHERE NOT EXISTS (SELECT 1 FROM submissions AS s WHERE s.id = n.submission_id)) THEN
                RAISE EXCEPTION 'rows of % name no stored submission', TG_TABLE_NAME USING ERRCODE = 'foreign_key_violation';
              END IF;
              RETURN NULL;
            END $$
            """,
            """
            CREATE OR REPLACE FUNCTION fundwatch_submission_keeps_rows() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF TG_OP = 'UPDATE' AND NEW.id = OLD.id THEN RETURN NEW; END IF;
              IF EXISTS (SELECT 1 FROM institutions WHERE submission_id = OLD.id)
                 OR EXISTS (SELECT 1 FROM inspections WHERE submission_id = OLD.id)
                 OR EXISTS (SELECT 1 FROM cases WHERE submission_id = OLD.id) THEN
                RAISE EXCEPTION 'submission % still has register rows', OLD.id USING ERRCODE = 'foreign_key_violation';
              END IF;
              IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
              RETURN NEW;
            END $$
            """,
            "CREATE TRIGGER submissions_keep_rows BEFORE DELETE OR UPDATE OF id ON submissions FOR EACH ROW EXECUTE FUNCTION fundwatch_submission_keeps_rows()",
        ]
        + registers.flatMap { table in
            [
                """
                CREATE TRIGGER \(table)_have_submission AFTER INSERT ON \(table) REFERENCING NEW TABLE AS new_rows
                  FOR EACH STATEMENT EXECUTE FUNCTION fundwatch_rows_have_submission()
                """,
                """
                CREATE TRIGGER \(table)_update_have_submission AFTER UPDATE ON \(table) REFERENCING NEW TABLE AS new_rows
                  FOR EACH STATEMENT EXECUTE FUNCTION fundwatch_rows_have_submission()
                """,
            ]
        }
}
