/** The readers of the DfE "Education, health and care plans" releases (every layout). */
import type { Reader } from './reader.ts';
import { ees2022AgeCaseload } from './readers/ees-2022-age-caseload.ts';
import { ees2022AgeNewPlans } from './readers/ees-2022-age-new-plans.ts';
import { ees2022EstabCaseload } from './readers/ees-2022-estab-caseload.ts';
import { ees2022EstabNewPlans } from './readers/ees-2022-estab-new-plans.ts';
import { ees2022Mi } from './readers/ees-2022-mi.ts';
import { ees2022WbpResidential } from './readers/ees-2022-wbp-residential.ts';
import { ees2024Long } from './readers/ees-2024-long.ts';
import { ees2025Assessments } from './readers/ees-2025-assessments.ts';
import { ees2025Caseload } from './readers/ees-2025-caseload.ts';
import { ees2025Ceased } from './readers/ees-2025-ceased.ts';
import { ees2025Needs } from './readers/ees-2025-needs.ts';
import { ees2025NewPlans } from './readers/ees-2025-newplans.ts';
import { ees2025Requests } from './readers/ees-2025-requests.ts';
import { ees2025Timeliness } from './readers/ees-2025-timeliness.ts';
import { ees2026PhaseTransfers } from './readers/ees-2026-phase-transfers.ts';

export const EES_READERS: readonly Reader[] = [
  ees2022AgeCaseload,
  ees2022AgeNewPlans,
  ees2022EstabCaseload,
  ees2022EstabNewPlans,
  ees2022Mi,
  ees2022WbpResidential,
  ees2025Caseload,
  ees2025NewPlans,
  ees2025Requests,
  ees2025Assessments,
  ees2025Timeliness,
  ees2025Needs,
  ees2025Ceased,
  ees2026PhaseTransfers,
  ees2024Long,
];
