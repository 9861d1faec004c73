-- AlterTable
ALTER TABLE "NoticeTemplate" ADD COLUMN     "translations" TEXT NOT NULL DEFAULT '{}';

-- AlterTable
ALTER TABLE "Notice" ADD COLUMN     "language" TEXT;

