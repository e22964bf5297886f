import { createElement, type ComponentType } from 'react';
import type { ButtonProps } from '@mui/material';
import AltRouteOutlinedIcon from '@mui/icons-material/AltRouteOutlined';
import AssignmentIndOutlinedIcon from '@mui/icons-material/AssignmentIndOutlined';
import BlockOutlinedIcon from '@mui/icons-material/BlockOutlined';
import CancelOutlinedIcon from '@mui/icons-material/CancelOutlined';
import CheckCircleOutlineIcon from '@mui/icons-material/CheckCircleOutlineOutlined';
import DoDisturbOnOutlinedIcon from '@mui/icons-material/DoDisturbOnOutlined';
import EmojiEventsOutlinedIcon from '@mui/icons-material/EmojiEventsOutlined';
import KeyOutlinedIcon from '@mui/icons-material/KeyOutlined';
import LockOutlinedIcon from '@mui/icons-material/LockOutlined';
import LogoutOutlinedIcon from '@mui/icons-material/LogoutOutlined';
import PanToolOutlinedIcon from '@mui/icons-material/PanToolOutlined';
import PlayCircleOutlineIcon from '@mui/icons-material/PlayCircleOutlineOutlined';
import ReplayOutlinedIcon from '@mui/icons-material/ReplayOutlined';
import ThumbDownOffAltOutlinedIcon from '@mui/icons-material/ThumbDownOffAltOutlined';
import TaskAltOutlinedIcon from '@mui/icons-material/TaskAltOutlined';
import TransformOutlinedIcon from '@mui/icons-material/TransformOutlined';
import TrendingFlatOutlinedIcon from '@mui/icons-material/TrendingFlatOutlined';
import UndoOutlinedIcon from '@mui/icons-material/UndoOutlined';

import type { CrmDataProvider } from '../dataProvider';
import type { Interaction } from '../interactions/interaction';
import { NextFollowUpInputs, planNextFollowUp } from '../interactions/NextFollowUpInputs';
import { MobileOwnerNotice } from './MobileOwnerNotice';
import { TransferHint } from './TransferHint';
import type { CloseReasonKind } from './useConfig';

/** One input of an action dialog; its value travels in the action's JSON body under `name`. */
export type ActionField =
  | { name: string; type: 'text' | 'multiline' | 'password'; required?: boolean }
  | { name: string; type: 'reason'; kind: CloseReasonKind; required?: boolean }
  | { name: string; type: 'staff'; required?: boolean }
  | { name: string; type: 'stage'; required?: boolean }
  | { name: string; type: 'department'; required?: boolean }
  /** a whole number from `min` to `max` (e.g. satisfaction 1–5) */
  | { name: string; type: 'score'; min: number; max: number; required?: boolean }
  /** staff who may receive `resource` records from the user (GET /api/crm/assignees) */
  | { name: string; type: 'assignee'; resource: string; required?: boolean; hint?: string; label?: string; emptyText?: string };

export interface ActionSpec {
  /** inputs asked for in a dialog before the call */
  fields?: ActionField[];
  /** a dialog asking "are you sure?" (no inputs) */
  confirm?: boolean;
  /** the record's `version` travels in the body (Kanban-style moves) */
  withVersion?: boolean;
  color?: ButtonProps['color'];
  icon: ComponentType;
  /** extra dialog inputs, not sent with the action (e.g. the next follow-up to plan) */
  extra?: ComponentType<{ record: Record<string, unknown> }>;
  /** runs after the action succeeded, with the dialog's values (plans the next follow-up) */
  after?: (dataProvider: CrmDataProvider, record: Record<string, unknown>, values: Record<string, unknown>) => Promise<unknown>;
  /** shown at the top of the dialog: e.g. whose customer the record's mobile already is (撞单) */
  notice?: ComponentType<{ record: Record<string, unknown> }>;
  /** where to go after success, from the action's answer */
  redirect?: (answer: Record<string, unknown>) => string | undefined;
}

/**
 * What each record action needs, keyed `<resource>.<action>`. Which actions a record
 * shows is the server's decision (`record.actions`); this table only says how to ask.
 * An action missing here is asked for with a plain confirmation.
 */
export const ACTION_SPECS: Record<string, ActionSpec> = {
  'leads.convert': {
    fields: [{ name: 'product', type: 'text' }],
    notice: ({ record }) => createElement(MobileOwnerNotice, { mobile: record.mobile }),
    color: 'primary',
    icon: TransformOutlinedIcon,
  },
  'leads.close': {
    fields: [{ name: 'reason', type: 'reason', kind: 'lead', required: true }],
    color: 'error',
    icon: DoDisturbOnOutlinedIcon,
  },
  'leads.reactivate': { confirm: true, icon: ReplayOutlinedIcon },

  'customers.claim': { icon: PanToolOutlinedIcon, color: 'primary' },
  'customers.release': { fields: [{ name: 'reason', type: 'text' }], color: 'warning', icon: LogoutOutlinedIcon },

  'opportunities.win': { confirm: true, color: 'success', icon: EmojiEventsOutlinedIcon },
  'opportunities.request-loss': {
    fields: [
      { name: 'reason', type: 'reason', kind: 'opportunity', required: true },
      { name: 'competitor', type: 'text' },
    ],
    color: 'warning',
    icon: ThumbDownOffAltOutlinedIcon,
  },
  'opportunities.approve-loss': { confirm: true, color: 'error', icon: CheckCircleOutlineIcon },
  'opportunities.reject-loss': {
    fields: [{ name: 'note', type: 'multiline', required: true }],
    icon: UndoOutlinedIcon,
  },
  'opportunities.reassign': {
    fields: [{ name: 'owner', type: 'assignee', resource: 'opportunities', required: true }],
    icon: AssignmentIndOutlinedIcon,
  },
  'opportunities.close': { confirm: true, icon: LockOutlinedIcon },
  'opportunities.reactivate': { confirm: true, icon: ReplayOutlinedIcon },
  'opportunities.move': {
    fields: [{ name: 'stage', type: 'stage', required: true }],
    withVersion: true,
    icon: TrendingFlatOutlinedIcon,
  },

  'interactions.complete': {
    fields: [{ name: 'outcome', type: 'multiline', required: true }],
    extra: ({ record }) => createElement(NextFollowUpInputs, { record: record as Interaction }),
    after: (dataProvider, record, values) => planNextFollowUp(dataProvider, record as Interaction, values),
    color: 'success',
    icon: CheckCircleOutlineIcon,
  },
  'interactions.cancel': { confirm: true, icon: CancelOutlinedIcon },

  'visit-logs.to-lead': {
    fields: [{ name: 'owner', type: 'assignee', resource: 'leads', hint: 'crm.assign.to_lead_hint' }],
    notice: ({ record }) => createElement(MobileOwnerNotice, { mobile: record.mobile }),
    color: 'primary',
    icon: TransformOutlinedIcon,
    // The contract says the answer is the created lead; the server may answer the updated
    // visit log instead (with its `lead`): go to the lead either way.
    redirect: answer => {
      const lead = 'lead' in answer ? answer.lead : answer.id;
      return lead != null ? `/leads/${String(lead)}/show` : undefined;
    },
  },

  // 投诉: 受理 / 转交 (a person or a department, one of them) / 解决 / 关闭 (with satisfaction) / 重新打开
  'complaints.process': { confirm: true, color: 'primary', icon: PlayCircleOutlineIcon },
  'complaints.transfer': {
    fields: [
      // colleagues the user may hand complaints to (GET /api/crm/assignees: service cannot list all staff)
      { name: 'assignee', type: 'assignee', resource: 'complaints', label: 'crm.action_fields.assignee', emptyText: 'crm.common.none' },
      { name: 'department', type: 'department' },
    ],
    notice: () => createElement(TransferHint),
    icon: AltRouteOutlinedIcon,
  },
  'complaints.resolve': { fields: [{ name: 'resolution', type: 'multiline', required: true }], color: 'success', icon: TaskAltOutlinedIcon },
  'complaints.close': {
    fields: [
      { name: 'resolution', type: 'multiline' },
      { name: 'satisfaction', type: 'score', min: 1, max: 5 },
    ],
    icon: LockOutlinedIcon,
  },
  'complaints.reopen': { fields: [{ name: 'reason', type: 'text', required: true }], color: 'warning', icon: ReplayOutlinedIcon },

  'staff.deactivate': { fields: [{ name: 'reassignTo', type: 'staff' }], color: 'error', icon: BlockOutlinedIcon },
  'staff.reactivate': { confirm: true, icon: PlayCircleOutlineIcon },
  'staff.reset-password': { fields: [{ name: 'password', type: 'password', required: true }], icon: KeyOutlinedIcon },
};

/** Actions that are never record buttons: bulk assignment has its own screen. */
export const NOT_A_BUTTON = new Set(['assign']);

export const specFor = (resource: string, action: string): ActionSpec =>
  ACTION_SPECS[`${resource}.${action}`] ?? { confirm: true, icon: PlayCircleOutlineIcon };

/** `crm.actions.<resource>.<action>`, or the action's name if the catalog lacks it. */
export const actionLabelKey = (resource: string, action: string) => `crm.actions.${resource}.${action}`;
