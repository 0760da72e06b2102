// Run by `npm start` after the migrations: seeds the first admin from SUNDIAL_ADMIN_EMAIL /
// SUNDIAL_ADMIN_PASSWORD, or says where to create one.
import "dotenv/config";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { seedAdmin } from "@/lib/users/seed-admin";

const config = env();
const db = getDb();
try {
  const outcome = await seedAdmin(db, { email: config.SUNDIAL_ADMIN_EMAIL, password: config.SUNDIAL_ADMIN_PASSWORD });
  if (outcome === "created") console.log(`sundial: created the first admin, ${config.SUNDIAL_ADMIN_EMAIL}`);
  if (outcome === "no-seed") console.log(`sundial: no account yet: open http://localhost:${config.PORT}/setup to create the first admin`);
} finally {
  await db.$disconnect();
}
