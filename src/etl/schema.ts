/**
 * The harmonised warehouse schema (documented for users in docs/warehouse.md). Every reader writes rows into
 * these tables only; every consumer reads them only. Dimension columns use 'ALL' for "all values" (never NULL),
 * so totals and breakdowns sit side by side and group cleanly. Counts are DOUBLE; a missing count is NULL with
 * its reason in `missing` (x, z, c, :, low, u → 'unavailable', 'not-applicable', 'suppressed', 'not-available',
 * 'low', 'unreliable').
 */
import { keyOfHexSql } from './persons/hash.ts';

export const WAREHOUSE_DDL: Record<string, string> = {
  /** Files loaded (content-hash idempotence) — one row per file. */
  loaded_file: `CREATE TABLE IF NOT EXISTS loaded_file (
    file_id INTEGER PRIMARY KEY, path VARCHAR NOT NULL, sha256 VARCHAR NOT NULL UNIQUE, reader VARCHAR NOT NULL,
    rows BIGINT NOT NULL, loaded_at TIMESTAMP NOT NULL)`,
  /** Key-value metadata, including the per-warehouse identifier hash key (never written to reports). */
  meta: `CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)`,
  /** Local authorities seen in any file. */
  la: `CREATE TABLE IF NOT EXISTS la (old_la_code VARCHAR, new_la_code VARCHAR, la_name VARCHAR,
    region_code VARCHAR, region_name VARCHAR, file_id INTEGER)`,
  /** Stocks of plans at January census. geographic_level: National | Regional | Local authority. */
  stock: `CREATE TABLE IF NOT EXISTS stock (
    geographic_level VARCHAR NOT NULL, old_la_code VARCHAR NOT NULL, new_la_code VARCHAR NOT NULL,
    census_year INTEGER NOT NULL, age_from INTEGER NOT NULL, age_to INTEGER NOT NULL,
    need VARCHAR NOT NULL, placement VARCHAR NOT NULL, count DOUBLE, missing VARCHAR,
    measure VARCHAR NOT NULL DEFAULT 'plans', source VARCHAR NOT NULL, file_id INTEGER NOT NULL, line BIGINT)`,
  /**
   * Flows by flow (calendar) year. measure: requests | decided_to_assess | decided_not_to_assess |
   * assessments | assess_issued | assess_not_issued | new_plans | ceased | issued_within_20_weeks | ...
   * reason: SEN2 cease reason code as text ('1'..'9') or 'ALL'.
   */
  flow: `CREATE TABLE IF NOT EXISTS flow (
    geographic_level VARCHAR NOT NULL, old_la_code VARCHAR NOT NULL, new_la_code VARCHAR NOT NULL,
    flow_year INTEGER NOT NULL, measure VARCHAR NOT NULL, age_from INTEGER NOT NULL, age_to INTEGER NOT NULL,
    need VARCHAR NOT NULL, placement VARCHAR NOT NULL, reason VARCHAR NOT NULL, count DOUBLE, missing VARCHAR,
    source VARCHAR NOT NULL, file_id INTEGER NOT NULL, line BIGINT)`,
  /**
   * Persons from SEN2 returns: identifiers replaced by a keyed hash (person_key: its first 128 bits, hash.ts); no
   * names, addresses or birth dates.
   */
  person: `CREATE TABLE IF NOT EXISTS person (
    census_year INTEGER NOT NULL, la_code VARCHAR NOT NULL, person_key UHUGEINT NOT NULL, age INTEGER,
    birth_month INTEGER, sex VARCHAR, file_id INTEGER NOT NULL, ethnicity VARCHAR)`,
  /**
   * Plans from SEN2 returns. status 'active': held at the census (one row per person and census); 'ceased': a
   * NamedPlan that ended during the return's year (cease_date, cease_reason). A placement named by URN/UKPRN is
   * stored as NONE with its urn/ukprn and placed at dataset time from `establishment`; sen_unit /
   * resourced_provision make a mainstream placement RP.
   */
  plan: `CREATE TABLE IF NOT EXISTS plan (
    census_year INTEGER NOT NULL, la_code VARCHAR NOT NULL, person_key UHUGEINT NOT NULL, age INTEGER NOT NULL,
    need VARCHAR NOT NULL, placement VARCHAR NOT NULL, start_date DATE, cease_date DATE, cease_reason INTEGER,
    transfer_la VARCHAR, file_id INTEGER NOT NULL,
    status VARCHAR NOT NULL DEFAULT 'active', urn VARCHAR, ukprn VARCHAR, sen_unit BOOLEAN, resourced_provision BOOLEAN)`,
  /** Requests for assessment and their outcomes from SEN2 returns. */
  request: `CREATE TABLE IF NOT EXISTS request (
    census_year INTEGER NOT NULL, la_code VARCHAR NOT NULL, person_key UHUGEINT NOT NULL, age INTEGER,
    received_date DATE, outcome VARCHAR, outcome_date DATE, assessment_outcome VARCHAR,
    assessment_outcome_date DATE, plan_start_date DATE, week20 BOOLEAN, file_id INTEGER NOT NULL,
    outcome_code VARCHAR, assessment_outcome_code VARCHAR)`,
  /** Population by area, year (mid-year), single age and sex. kind: mye | snpp. */
  population: `CREATE TABLE IF NOT EXISTS population (
    area_code VARCHAR NOT NULL, area_name VARCHAR, year INTEGER NOT NULL, age INTEGER NOT NULL,
    sex VARCHAR NOT NULL, count DOUBLE NOT NULL, kind VARCHAR NOT NULL, file_id INTEGER NOT NULL)`,
  /** URN / UKPRN → establishment type (GIAS extract or the sample's own lookup). */
  establishment: `CREATE TABLE IF NOT EXISTS establishment (
    urn VARCHAR NOT NULL, name VARCHAR, type_name VARCHAR, type_group VARCHAR, placement VARCHAR,
    file_id INTEGER NOT NULL)`,
  /** School census SEN counts by NCY (pupil-level extracts aggregated, or published LA tables). */
  school_census: `CREATE TABLE IF NOT EXISTS school_census (
    old_la_code VARCHAR NOT NULL, census_year INTEGER NOT NULL, age INTEGER, sen_provision VARCHAR NOT NULL,
    need VARCHAR NOT NULL, count DOUBLE, missing VARCHAR, file_id INTEGER NOT NULL)`,
  unit_cost: `CREATE TABLE IF NOT EXISTS unit_cost (placement VARCHAR NOT NULL, phase VARCHAR NOT NULL,
    need VARCHAR NOT NULL, annual_cost_gbp DOUBLE NOT NULL, price_year INTEGER NOT NULL, file_id INTEGER NOT NULL, la_code VARCHAR, source_line BIGINT)`,
  places: `CREATE TABLE IF NOT EXISTS places (placement VARCHAR NOT NULL, financial_year INTEGER NOT NULL,
    places DOUBLE NOT NULL, place_rate_gbp DOUBLE NOT NULL, file_id INTEGER NOT NULL, la_code VARCHAR, source_line BIGINT)`,
  funding: `CREATE TABLE IF NOT EXISTS funding (financial_year INTEGER NOT NULL, hn_block_gbp DOUBLE NOT NULL,
    schools_block_transfer_gbp DOUBLE, other_income_gbp DOUBLE, import_export_adjustment_gbp DOUBLE,
    schools_block_gbp DOUBLE, file_id INTEGER NOT NULL, la_code VARCHAR, source_line BIGINT)`,
  other_spend: `CREATE TABLE IF NOT EXISTS other_spend (line VARCHAR NOT NULL, financial_year INTEGER NOT NULL,
    amount_gbp DOUBLE NOT NULL, file_id INTEGER NOT NULL, la_code VARCHAR, source_line BIGINT)`,
  opening_balance: `CREATE TABLE IF NOT EXISTS opening_balance (financial_year INTEGER NOT NULL,
    dsg_cumulative_balance_gbp DOUBLE NOT NULL, file_id INTEGER NOT NULL, la_code VARCHAR, source_line BIGINT)`,
  /** The council's usable reserves at 31 March (optional own table). */
  reserves: `CREATE TABLE IF NOT EXISTS reserves (financial_year INTEGER NOT NULL, usable_reserves_gbp DOUBLE NOT NULL,
    file_id INTEGER NOT NULL, la_code VARCHAR, source_line BIGINT)`,
  /** Section 251 High Needs outturn by line (optional own table); section_251_line = a code of src/budget/section-251.ts. */
  s251_outturn: `CREATE TABLE IF NOT EXISTS s251_outturn (section_251_line VARCHAR NOT NULL, financial_year INTEGER NOT NULL,
    outturn_gbp DOUBLE NOT NULL, file_id INTEGER NOT NULL, la_code VARCHAR, source_line BIGINT)`,
  /** LA successions (domain.md), written from src/domain/la.ts when a warehouse is created. */
  la_succession: `CREATE TABLE IF NOT EXISTS la_succession (kind VARCHAR, from_code VARCHAR, to_code VARCHAR,
    from_census_year INTEGER, note VARCHAR)`,
  /** Data-quality notes for the workbook's Data quality sheet. severity: info | warning. */
  dq_note: `CREATE TABLE IF NOT EXISTS dq_note (file_id INTEGER, path VARCHAR, line BIGINT, column_name VARCHAR,
    severity VARCHAR NOT NULL, message VARCHAR NOT NULL)`,
};

export type WarehouseTable = keyof typeof WAREHOUSE_DDL;

/**
 * The project's own tables. Each row keeps the LA code its file gives (optional `la_code` column; a run refuses
 * rows of another LA) and its line in that file (`source_line`), so a message can name it.
 */
export const OWN_WAREHOUSE_TABLES = ['unit_cost', 'places', 'funding', 'other_spend', 'opening_balance', 'reserves', 's251_outturn'] as const;

/** Columns added since the first release, so a warehouse written by an earlier version gains them when opened. */
export const ADDED_COLUMNS: ReadonlyArray<readonly [WarehouseTable, string, string]> = OWN_WAREHOUSE_TABLES.flatMap((t) => [
  [t, 'la_code', 'VARCHAR'] as const,
  [t, 'source_line', 'BIGINT'] as const,
]);

/**
 * Columns whose type changed since an earlier version: [table, column, former type, type, SQL giving the new value
 * from the former]. A warehouse holding the former type is converted when opened. The person key was the 64 hex
 * characters of the HMAC until December 2026; it is now their first 32 read as a number (hash.ts), so the
 * conversion is exact and persons loaded before and after it link.
 */
export const CHANGED_COLUMNS: ReadonlyArray<readonly [WarehouseTable, string, string, string, string]> = (['person', 'plan', 'request'] as const).map(
  (t) => [t, 'person_key', 'VARCHAR', 'UHUGEINT', keyOfHexSql('person_key')] as const,
);
export const WAREHOUSE_TABLES = Object.keys(WAREHOUSE_DDL) as WarehouseTable[];

/** The value of a dimension column meaning "all values". */
export const ALL = 'ALL';
