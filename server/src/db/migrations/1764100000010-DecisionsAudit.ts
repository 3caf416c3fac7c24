import type { MigrationInterface, QueryRunner } from 'typeorm';
import { dbKind, TIMESTAMP } from '../dbKind';

const TRUE = dbKind === 'postgres' ? 'true' : '1';
const FALSE = dbKind === 'postgres' ? 'false' : '0';

/** Whole hours between two timestamp expressions, floored (shared/mediatorQuality.ts hoursToDecisionOf). */
const hoursBetween = (from: string, to: string) =>
    dbKind === 'postgres'
        ? `CAST(FLOOR(EXTRACT(EPOCH FROM (${to} - ${from})) / 3600) AS integer)`
        : `((CAST(strftime('%s', ${to}) AS integer) - CAST(strftime('%s', ${from}) AS integer)) / 3600)`;

/** Fills `refundPercent` and `hoursToDecision` of the rulings there are, as `rule()` writes them. */
export async function backfillDecisionAudit(queryRunner: Pick<QueryRunner, 'query'>): Promise<void> {
    await queryRunner.query(
        `UPDATE "decision" SET "refundPercent" =
            CAST(ROUND("refundAmount" * 100.0 / "orderTotal") AS integer) WHERE "orderTotal" > 0`
    );
    const hours = hoursBetween('"dispute"."escalatedAt"', '"decision"."createdAt"');
    await queryRunner.query(
        `UPDATE "decision" SET "hoursToDecision" = (SELECT CASE WHEN ${hours} < 0 THEN 0 ELSE ${hours} END
            FROM "dispute" WHERE "dispute"."id" = "decision"."disputeId" AND "dispute"."escalatedAt" IS NOT NULL)`
    );
    await queryRunner.query(
        `UPDATE "decision" SET "slaBreached" = ${TRUE} WHERE EXISTS (SELECT 1 FROM "dispute"
            WHERE "dispute"."id" = "decision"."disputeId" AND ("dispute"."slaTargetBreachedAt" <= "decision"."createdAt"
                OR "dispute"."slaDueAt" <= "decision"."createdAt"))`
    );
}

/**
 * The decisions audit and QA sampling (issue 11): each ruling stores its refund as a whole
 * percentage of the order and the whole hours from the dispute's escalation to the ruling, both
 * written by `rule()` and filled here for the rulings there are; indexes for the audit's sorts and
 * for the period reads of mediator quality; the QA reviews of sampled decisions (a decision is
 * sampled at most once: unique `decisionId`).
 */
export class DecisionsAudit1764100000010 implements MigrationInterface {
    name = 'DecisionsAudit1764100000010';

    async up(queryRunner: QueryRunner): Promise<void> {
        const timestamp = String(TIMESTAMP);
        await queryRunner.query('ALTER TABLE "decision" ADD COLUMN "refundPercent" integer');
        await queryRunner.query('ALTER TABLE "decision" ADD COLUMN "hoursToDecision" integer');
        await queryRunner.query(
            `ALTER TABLE "decision" ADD COLUMN "slaBreached" boolean NOT NULL DEFAULT ${FALSE}`
        );
        await backfillDecisionAudit(queryRunner);
        // Both cover the reads of mediator quality: SQLite skip-scans the first per mediator (its
        // GROUP BY order), PostgreSQL range-scans the second; the first also serves the audit list
        // of one mediator's period.
        await queryRunner.query(
            `CREATE INDEX "IDX_decision_mediator_issued" ON "decision"
                ("mediatorId", "issuedAt", "status", "slaBreached", "reason", "refundPercent", "hoursToDecision")`
        );
        await queryRunner.query(
            `CREATE INDEX "IDX_decision_issued_quality" ON "decision"
                ("issuedAt", "status", "mediatorId", "slaBreached", "reason", "refundPercent", "hoursToDecision")`
        );
        await queryRunner.query(
            'CREATE INDEX "IDX_decision_refund_percent" ON "decision" ("refundPercent", "id")'
        );
        await queryRunner.query(
            'CREATE INDEX "IDX_decision_hours_to_decision" ON "decision" ("hoursToDecision", "id")'
        );

        const id =
            dbKind === 'postgres'
                ? '"id" SERIAL PRIMARY KEY'
                : '"id" integer PRIMARY KEY AUTOINCREMENT NOT NULL';
        await queryRunner.query(
            `CREATE TABLE "qa_review" (
                ${id},
                "decisionId" integer NOT NULL,
                "reviewerId" integer NOT NULL,
                "sampleId" varchar(36) NOT NULL,
                "verdict" varchar(10),
                "comment" text,
                "createdAt" ${timestamp} NOT NULL,
                "answeredAt" ${timestamp}
            )`
        );
        await queryRunner.query('CREATE UNIQUE INDEX "UQ_qa_review_decision" ON "qa_review" ("decisionId")');
        await queryRunner.query(
            'CREATE INDEX "IDX_qa_review_reviewer" ON "qa_review" ("reviewerId", "answeredAt")'
        );
        await queryRunner.query('CREATE INDEX "IDX_qa_review_sample" ON "qa_review" ("sampleId")');
    }

    async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query('DROP TABLE "qa_review"');
        for (const index of [
            'IDX_decision_hours_to_decision',
            'IDX_decision_refund_percent',
            'IDX_decision_issued_quality',
            'IDX_decision_mediator_issued',
        ]) {
            await queryRunner.query(`DROP INDEX "${index}"`);
        }
        await queryRunner.query('ALTER TABLE "decision" DROP COLUMN "slaBreached"');
        await queryRunner.query('ALTER TABLE "decision" DROP COLUMN "hoursToDecision"');
        await queryRunner.query('ALTER TABLE "decision" DROP COLUMN "refundPercent"');
    }
}
