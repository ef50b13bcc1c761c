/**
 * Every user-facing message, one file per pipeline stage (etl with its published releases, SEN2 returns and population, scenario, model,
 * budget, report, cli, the explorer page), re-exported here. Code elsewhere builds messages only through these functions.
 */
export * as etlMsg from './etl.ts';
export * as warehouseMsg from './warehouse.ts';
export * as releaseMsg from './releases.ts';
export * as workbookMsg from './workbooks.ts';
export * as sen2Msg from './sen2.ts';
export * as populationMsg from './population.ts';
export * as reconcileMsg from './reconcile.ts';
export * as scenarioMsg from './scenario.ts';
export * as modelMsg from './model.ts';
export * as poolingMsg from './model-pooling.ts';
export * as newPlansMsg from './new-plans.ts';
export * as budgetMsg from './budget.ts';
export * as outturnMsg from './outturn.ts';
export * as mitigationsMsg from './mitigations.ts';
export * as reportMsg from './report.ts';
export * as cliMsg from './cli.ts';
export * as backtestMsg from './backtest.ts';
export * as pathMsg from './paths.ts';
export * as archiveMsg from './archive.ts';
export * as explorerMsg from './explorer.ts';
export * as namesMsg from './names.ts';
export * as moneyReferenceMsg from './money-reference.ts';
