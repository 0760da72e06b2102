// The named schemas of the OpenAPI document (components/schemas): the response bodies, the trigger
// and the error, referred to by id from the operations.
import { z } from "zod";
import {
  AlertChannelSchema,
  AlertDeliverySchema,
  AlertTestResultSchema,
  ApiErrorBody,
  AuditCursorPageSchema,
  AuditEventSchema,
  DeletedJobSchema,
  HealthReportSchema,
  ImportResultSchema,
  JobDtoSchema,
  JobExportSchema,
  JobHealthSchema,
  JobListItemSchema,
  JobPageSchema,
  JobRunCountsSchema,
  MarkedLostSchema,
  OverviewSchema,
  ReadinessReportSchema,
  RunDetailSchema,
  RunDtoSchema,
  RunLogPageSchema,
  RunPageSchema,
  SchedulePreviewSchema,
  WorkerDtoSchema,
} from "../../validation/api-responses";
import { Trigger } from "../../validation/trigger";

export const COMPONENTS = z.registry<{ id: string }>();
COMPONENTS.add(ApiErrorBody, { id: "Error" });
COMPONENTS.add(Trigger, { id: "Trigger" });
COMPONENTS.add(JobDtoSchema, { id: "Job" });
COMPONENTS.add(JobListItemSchema, { id: "JobListItem" });
COMPONENTS.add(JobPageSchema, { id: "JobPage" });
COMPONENTS.add(DeletedJobSchema, { id: "DeletedJob" });
COMPONENTS.add(JobExportSchema, { id: "JobExport" });
COMPONENTS.add(ImportResultSchema, { id: "ImportResult" });
COMPONENTS.add(JobHealthSchema, { id: "JobHealth" });
COMPONENTS.add(JobRunCountsSchema, { id: "JobRunCounts" });
COMPONENTS.add(RunDtoSchema, { id: "Run" });
COMPONENTS.add(RunPageSchema, { id: "RunPage" });
COMPONENTS.add(RunDetailSchema, { id: "RunDetail" });
COMPONENTS.add(RunLogPageSchema, { id: "RunLogPage" });
COMPONENTS.add(MarkedLostSchema, { id: "MarkedLost" });
COMPONENTS.add(WorkerDtoSchema, { id: "Worker" });
COMPONENTS.add(OverviewSchema, { id: "Overview" });
COMPONENTS.add(AlertChannelSchema, { id: "AlertChannel" });
COMPONENTS.add(AlertDeliverySchema, { id: "AlertDelivery" });
COMPONENTS.add(AlertTestResultSchema, { id: "AlertTestResult" });
COMPONENTS.add(AuditEventSchema, { id: "AuditEvent" });
COMPONENTS.add(AuditCursorPageSchema, { id: "AuditEventPage" });
COMPONENTS.add(SchedulePreviewSchema, { id: "SchedulePreview" });
COMPONENTS.add(HealthReportSchema, { id: "HealthReport" });
COMPONENTS.add(ReadinessReportSchema, { id: "ReadinessReport" });

/** The component id of a registered schema; a response schema must be registered here to be named. */
export function componentId(schema: z.ZodType): string {
  const id = COMPONENTS.get(schema)?.id;
  if (!id) throw new Error("A response schema of the OpenAPI registry is not in lib/web/openapi/components.ts");
  return id;
}
