import * as migration_20261122_162513_initial from './20261122_162513_initial'
import * as migration_20261122_205315_content_model from './20261122_205315_content_model'
import * as migration_20261201_185226_scheduler_outbox from './20261201_185226_scheduler_outbox'
import * as migration_20261201_191436_consent_enforcement from './20261201_191436_consent_enforcement'
import * as migration_20261201_194852_delivery_api from './20261201_194852_delivery_api'
import * as migration_20261202_171605_live_copies_audit_notifications from './20261202_171605_live_copies_audit_notifications'
import * as migration_20261202_210935_review_tasks from './20261202_210935_review_tasks'
import * as migration_20261202_211145_portrait_jpeg_renditions from './20261202_211145_portrait_jpeg_renditions'
import * as migration_20261203_080000_outbox_claim_indexes from './20261203_080000_outbox_claim_indexes'
import * as migration_20261204_182151_approval_editors from './20261204_182151_approval_editors'
import * as migration_20261204_183249_channel_account_connections from './20261204_183249_channel_account_connections'
import * as migration_20261204_190345_short_links from './20261204_190345_short_links'
import * as migration_20261204_194617_item_views from './20261204_194617_item_views'
import * as migration_20261207_050742_measurement_metrics from './20261207_050742_measurement_metrics'
import * as migration_20261207_054237_metric_days from './20261207_054237_metric_days'

export const migrations = [
  {
    up: migration_20261122_162513_initial.up,
    down: migration_20261122_162513_initial.down,
    name: '20261122_162513_initial',
  },
  {
    up: migration_20261122_205315_content_model.up,
    down: migration_20261122_205315_content_model.down,
    name: '20261122_205315_content_model',
  },
  {
    up: migration_20261201_185226_scheduler_outbox.up,
    down: migration_20261201_185226_scheduler_outbox.down,
    name: '20261201_185226_scheduler_outbox',
  },
  {
    up: migration_20261201_191436_consent_enforcement.up,
    down: migration_20261201_191436_consent_enforcement.down,
    name: '20261201_191436_consent_enforcement',
  },
  {
    up: migration_20261201_194852_delivery_api.up,
    down: migration_20261201_194852_delivery_api.down,
    name: '20261201_194852_delivery_api',
  },
  {
    up: migration_20261202_171605_live_copies_audit_notifications.up,
    down: migration_20261202_171605_live_copies_audit_notifications.down,
    name: '20261202_171605_live_copies_audit_notifications',
  },
  {
    up: migration_20261202_210935_review_tasks.up,
    down: migration_20261202_210935_review_tasks.down,
    name: '20261202_210935_review_tasks',
  },
  {
    up: migration_20261202_211145_portrait_jpeg_renditions.up,
    down: migration_20261202_211145_portrait_jpeg_renditions.down,
    name: '20261202_211145_portrait_jpeg_renditions',
  },
  {
    up: migration_20261203_080000_outbox_claim_indexes.up,
    down: migration_20261203_080000_outbox_claim_indexes.down,
    name: '20261203_080000_outbox_claim_indexes',
  },
  {
    up: migration_20261204_182151_approval_editors.up,
    down: migration_20261204_182151_approval_editors.down,
    name: '20261204_182151_approval_editors',
  },
  {
    up: migration_20261204_183249_channel_account_connections.up,
    down: migration_20261204_183249_channel_account_connections.down,
    name: '20261204_183249_channel_account_connections',
  },
  {
    up: migration_20261204_190345_short_links.up,
    down: migration_20261204_190345_short_links.down,
    name: '20261204_190345_short_links',
  },
  {
    up: migration_20261204_194617_item_views.up,
    down: migration_20261204_194617_item_views.down,
    name: '20261204_194617_item_views',
  },
  {
    up: migration_20261207_050742_measurement_metrics.up,
    down: migration_20261207_050742_measurement_metrics.down,
    name: '20261207_050742_measurement_metrics',
  },
  {
    up: migration_20261207_054237_metric_days.up,
    down: migration_20261207_054237_metric_days.down,
    name: '20261207_054237_metric_days',
  },
]
