import type { Catalog } from '../types';
import type { configEn } from './config.en';

/** 组织与配置资源的名称与字段。 */
export const configZh: Catalog<typeof configEn> = {
  stages: {
    name: '阶段',
    fields: { id: '编号', name: '名称', order: '顺序', probability: '成交概率（%）', active: '启用' },
  },
  levels: {
    name: '级别',
    fields: {
      id: '编号',
      code: '代码',
      label: '名称',
      color: '颜色',
      followUpDays: '跟进间隔（天）',
      order: '顺序',
      active: '启用',
    },
  },
  sources: {
    name: '来源',
    fields: { id: '编号', name: '名称', order: '顺序', active: '启用' },
  },
  'close-reasons': {
    name: '关闭原因',
    fields: { id: '编号', name: '原因', kind: '适用于', order: '顺序', active: '启用' },
  },
  settings: {
    name: '系统参数',
    fields: { id: '编号', key: '参数', value: '值', description: '说明' },
  },
  departments: {
    name: '部门',
    fields: { id: '编号', q: '搜索', name: '名称', parent: '上级部门', order: '顺序', robotKind: '群机器人', robotWebhook: '机器人回调地址', robotSecret: '机器人加签密钥' },
    robotKinds: { wecom: '企业微信群机器人', dingtalk: '钉钉群机器人' },
    robotSecretHelp: '仅钉钉：机器人安全设置选择“加签”时显示的密钥',
  },
  staff: {
    name: '员工',
    fields: {
      id: '编号',
      q: '搜索',
      username: '用户名',
      displayName: '姓名',
      mobile: '手机',
      email: '邮箱',
      role: '角色',
      department: '部门',
      supervisor: '直属上级',
      active: '在职',
      password: '密码',
      createdAt: '创建时间',
    },
  },
  'complaint-categories': {
    name: '投诉类别',
    fields: { id: '编号', name: '名称', order: '顺序', active: '启用' },
  },
};
