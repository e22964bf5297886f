import type { Catalog } from '../types';
import type { lowcodeResourcesEn, lowcodeUiEn } from './lowcode.en';

/** 低代码配置：自定义字段、角色、行业模板、配置导入导出。 */
export const lowcodeResourcesZh: Catalog<typeof lowcodeResourcesEn> = {
  'custom-fields': {
    name: '自定义字段',
    fields: {
      id: '编号',
      q: '搜索',
      entity: '适用对象',
      key: '字段键',
      label: '名称（中文）',
      labelEn: '名称（英文）',
      type: '类型',
      options: '选项',
      required: '必填',
      filterable: '可筛选',
      showInList: '列表显示',
      order: '顺序',
      active: '启用',
    },
  },
  roles: {
    name: '角色',
    fields: { id: '编号', q: '搜索', type: '代码', name: '名称', description: '说明', grants: '权限' },
  },
};

export const lowcodeUiZh: Catalog<typeof lowcodeUiEn> = {
  custom: {
    section: '更多信息',
    entity: {
      lead: '线索',
      customer: '客户',
      opportunity: '销售机会',
      interaction: '跟进',
      complaint: '投诉',
    },
    type: {
      text: '文本',
      number: '数字',
      date: '日期',
      select: '单选',
      multiselect: '多选',
      boolean: '是/否',
    },
    options_hint: '每行一个选项（仅单选、多选）',
    key_hint: '小写字母、数字和下划线；创建后不可修改',
    delete_confirm_title: '删除字段“%{name}”？',
    delete_confirm_content: '有 %{count} 条记录填写了此字段。删除前会先下载这些值（JSON 文件），然后永久删除。',
    delete_exported: '删除前已下载这些值',
  },
  role_editor: {
    resource_names: { messages: '待发消息' },
    crud: { read: '标为已读', list: '查看列表', show: '查看详情', create: '新建', edit: '编辑', delete: '删除', assign: '分配', run: '运行' },
    resource: '对象',
    actions: '操作',
    scope: '可见范围',
    scopes: {
      all: '全部',
      department: '本部门',
      own: '本人负责',
      created: '本人创建',
      record: '按记录',
      none: '无',
    },
  },
};
