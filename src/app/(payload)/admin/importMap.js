import { DraftCheck as DraftCheck_e21228a7a6cf58f2c950fe3b30411409 } from '../../../../src/fields/draftWarnings/DraftCheck'
import { RscEntryLexicalCell as RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { RscEntryLexicalField as RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { LexicalDiffComponent as LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { InlineToolbarFeatureClient as InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HorizontalRuleFeatureClient as HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UploadFeatureClient as UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BlockquoteFeatureClient as BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { RelationshipFeatureClient as RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { LinkFeatureClient as LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ChecklistFeatureClient as ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { OrderedListFeatureClient as OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnorderedListFeatureClient as UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { IndentFeatureClient as IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { AlignFeatureClient as AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HeadingFeatureClient as HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ParagraphFeatureClient as ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { InlineCodeFeatureClient as InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SuperscriptFeatureClient as SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SubscriptFeatureClient as SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { StrikethroughFeatureClient as StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnderlineFeatureClient as UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BoldFeatureClient as BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ItalicFeatureClient as ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { WallClockField as WallClockField_9f0b6a57d86aa10c2d5d35381e726c0a } from '../../../../plugins/scheduler/admin/WallClockField'
import { DraftWarning as DraftWarning_10d42cf0ea976d34221740b9c5867a9f } from '../../../../src/fields/draftWarnings/DraftWarning'
import { ResultsTab as ResultsTab_72446640b7143e7a1005c7d9313cbe2f } from '../../../../src/results/admin/ResultsTab'
import { ScheduleTab as ScheduleTab_5985cee5a4566a14ec3a4102161c8506 } from '../../../../plugins/scheduler/admin/views/ScheduleTab'
import { ReadOnlyList as ReadOnlyList_b0c9c3c1f1ded51ad0832c6399619966 } from '../../../../src/fields/ReadOnlyList'
import { RevokeView as RevokeView_1e2e4a128938a4a955b343b85e0aee88 } from '../../../../plugins/consent/admin/views/RevokeView'
import { JsonText as JsonText_fd9070fa571906fda4dfe374c2165268 } from '../../../../plugins/scheduler/admin/JsonText'
import { ConnectAccount as ConnectAccount_224ea8ee8d0197638ce6b359ff3b5417 } from '../../../../plugins/scheduler/admin/ConnectAccount'
import { SecretInput as SecretInput_ecb726a89ebdaed4bdda69b0559acc96 } from '../../../../plugins/scheduler/admin/SecretInput'
import { TasksWorklist as TasksWorklist_17d06b70421b3e67db19552e67951a0c } from '../../../../plugins/consent/admin/TasksWorklist'
import { BehindTarget as BehindTarget_1e77e9b6c7990321b528114e4b2ec617 } from '../../../../src/results/admin/BehindTarget'
import { PublishingSwitch as PublishingSwitch_56a6294190116d7f3cc45c38825a5cda } from '../../../../plugins/scheduler/admin/PublishingSwitch'
import { NeedsMe as NeedsMe_86a55ccb01499bdf910f4517e2add4b7 } from '../../../../plugins/scheduler/admin/NeedsMe'
import { ConsentDue as ConsentDue_4f161013845300b769d19639faeb5d5b } from '../../../../plugins/consent/admin/ConsentDue'
import { SchedulerNav as SchedulerNav_60659edb0447d8d63af8d19870d8c90a } from '../../../../plugins/scheduler/admin/SchedulerNav'
import { CalendarView as CalendarView_aa4c2cb31527ea0f56c3f10bfd21c146 } from '../../../../plugins/scheduler/admin/views/index'
import { ApprovalsView as ApprovalsView_aa4c2cb31527ea0f56c3f10bfd21c146 } from '../../../../plugins/scheduler/admin/views/index'
import { FailuresView as FailuresView_aa4c2cb31527ea0f56c3f10bfd21c146 } from '../../../../plugins/scheduler/admin/views/index'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "/src/fields/draftWarnings/DraftCheck#DraftCheck": DraftCheck_e21228a7a6cf58f2c950fe3b30411409,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalCell": RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalField": RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#LexicalDiffComponent": LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/client#InlineToolbarFeatureClient": InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HorizontalRuleFeatureClient": HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UploadFeatureClient": UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BlockquoteFeatureClient": BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#RelationshipFeatureClient": RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#LinkFeatureClient": LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ChecklistFeatureClient": ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#OrderedListFeatureClient": OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnorderedListFeatureClient": UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#IndentFeatureClient": IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#AlignFeatureClient": AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HeadingFeatureClient": HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ParagraphFeatureClient": ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#InlineCodeFeatureClient": InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SuperscriptFeatureClient": SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SubscriptFeatureClient": SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#StrikethroughFeatureClient": StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnderlineFeatureClient": UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BoldFeatureClient": BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ItalicFeatureClient": ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "/plugins/scheduler/admin/WallClockField#WallClockField": WallClockField_9f0b6a57d86aa10c2d5d35381e726c0a,
  "/src/fields/draftWarnings/DraftWarning#DraftWarning": DraftWarning_10d42cf0ea976d34221740b9c5867a9f,
  "/src/results/admin/ResultsTab#ResultsTab": ResultsTab_72446640b7143e7a1005c7d9313cbe2f,
  "/plugins/scheduler/admin/views/ScheduleTab#ScheduleTab": ScheduleTab_5985cee5a4566a14ec3a4102161c8506,
  "/src/fields/ReadOnlyList#ReadOnlyList": ReadOnlyList_b0c9c3c1f1ded51ad0832c6399619966,
  "/plugins/consent/admin/views/RevokeView#RevokeView": RevokeView_1e2e4a128938a4a955b343b85e0aee88,
  "/plugins/scheduler/admin/JsonText#JsonText": JsonText_fd9070fa571906fda4dfe374c2165268,
  "/plugins/scheduler/admin/ConnectAccount#ConnectAccount": ConnectAccount_224ea8ee8d0197638ce6b359ff3b5417,
  "/plugins/scheduler/admin/SecretInput#SecretInput": SecretInput_ecb726a89ebdaed4bdda69b0559acc96,
  "/plugins/consent/admin/TasksWorklist#TasksWorklist": TasksWorklist_17d06b70421b3e67db19552e67951a0c,
  "/src/results/admin/BehindTarget#BehindTarget": BehindTarget_1e77e9b6c7990321b528114e4b2ec617,
  "/plugins/scheduler/admin/PublishingSwitch#PublishingSwitch": PublishingSwitch_56a6294190116d7f3cc45c38825a5cda,
  "/plugins/scheduler/admin/NeedsMe#NeedsMe": NeedsMe_86a55ccb01499bdf910f4517e2add4b7,
  "/plugins/consent/admin/ConsentDue#ConsentDue": ConsentDue_4f161013845300b769d19639faeb5d5b,
  "/plugins/scheduler/admin/SchedulerNav#SchedulerNav": SchedulerNav_60659edb0447d8d63af8d19870d8c90a,
  "/plugins/scheduler/admin/views/index#CalendarView": CalendarView_aa4c2cb31527ea0f56c3f10bfd21c146,
  "/plugins/scheduler/admin/views/index#ApprovalsView": ApprovalsView_aa4c2cb31527ea0f56c3f10bfd21c146,
  "/plugins/scheduler/admin/views/index#FailuresView": FailuresView_aa4c2cb31527ea0f56c3f10bfd21c146,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
