/** French labels for the report (what the ESS team reads): the shared ones of src/domain/labels.ts. */
export {
  AUDIENCE_LABELS,
  BLOCKER_LABELS,
  CHANNEL_LABELS,
  label,
  PROCESS_LABELS,
  SEVERITY_LABELS,
  STEP_LABELS,
} from "../domain/labels.js";
