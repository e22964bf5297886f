import type { Catalog } from '../types';
import type { workdayEn } from './workday.en';

/** 工作日界面文字：撞单提示、分配、配置停用（`crm.*`）。 */
export const workdayZh: Catalog<typeof workdayEn> = {
  duplicate: {
    owned: '手机号 %{mobile} 已是%{owner}的客户：',
    in_pool: '手机号 %{mobile} 属于公海客户：',
    notified: '系统会通知该负责人，不会自动合并。',
    pool: '公海',
  },
  assign: {
    button: '分配',
    title: '分配 %{smart_count} 条记录',
    owner: '分配给',
    auto: '按部门轮流分配',
    done: '已分配 %{smart_count} 条记录',
    to_lead_hint: '不选择时，线索按部门轮流分配给下一位销售顾问。',
  },
  archive: {
    archive: '停用',
    restore: '启用',
    archived: '已停用',
    done_archive: '已停用：选择列表中不再出现，已有记录保留。',
    done_restore: '已重新启用。',
  },
  views: {
    mine: '我负责的',
    team: '下属的',
    all: '全部',
    unassigned: '未分配',
    pool: '公海',
    today: '今日新增',
  },
  filters: {
    owner: '负责人',
    created_from: '创建日期自',
    created_to: '创建日期至',
  },
  bulk: {
    title: '%{action} %{smart_count} 条记录',
    confirm: '确定要%{action}选中的 %{smart_count} 条记录吗？',
    done: '%{action}：已处理 %{smart_count} 条记录',
  },
  next_follow_up: {
    plan: '计划下一次跟进',
    start: '下次跟进时间',
    hint: '默认按客户级别的跟进间隔，从今天起算。',
  },
  stage_path: {
    title: '阶段推进',
    moved: '已推进到%{stage}',
    suggest_win: '已到“%{stage}”阶段，是否标记为赢单？',
  },
};
