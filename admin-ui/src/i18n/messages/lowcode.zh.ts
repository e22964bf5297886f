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
  setting_parts: {
    quietHours: { from: '开始', to: '结束' },
    pool: { maxCustomersPerOwner: '每位顾问客户上限', claimsPerDay: '每日领取上限', reclaimAfterDays: '未跟进回收天数' },
  },
  merge: {
    button: '合并到…',
    title: '将“%{name}”合并到其他项',
    hint: '使用它的所有记录将改为所选的项，之后此项会被停用（归档），不会删除任何数据。',
    into: '合并到',
    confirm: '合并',
    done: '已将 %{moved} 条记录移到“%{name}”，原项已停用',
  },
  config_page: {
    title: '配置管理',
    menu: '行业模板与导入导出',
    presets: '行业模板',
    presets_hint: '按行业预设的阶段、级别、来源与原因。已有记录的值会保留：记录使用的项会对应到模板中的项或停用（归档），不会删除。',
    preview: '预览',
    preview_preset: '应用“%{name}”将做出的更改',
    preview_file: '导入此文件将做出的更改',
    preview_hint: '尚未做任何更改。每一项都已按管理员编辑时的规则检查过。',
    apply: '应用',
    applied: '配置已应用',
    transfer: '导出与导入',
    transfer_hint: '整套配置（阶段、级别、来源、原因、自定义字段、角色权限、系统参数）导出为一个 JSON 文件，例如把测试环境调好的配置复制到正式环境。',
    export: '导出',
    import: '导入文件…',
    not_json: '该文件不是 JSON 格式',
    no_changes: '不会有任何更改。',
    created: '新增',
    updated: '修改',
    archived: '停用',
    merged: '合并',
  },
  stage_probability: {
    hint: '保存新的成交概率不会改变已在此阶段的销售机会。',
    button: '把当前概率应用到进行中的机会',
    confirm: '此阶段所有进行中的销售机会的成交概率将改为 %{probability}%。赢单、战败和已关闭的保持不变。',
    done: '已将 %{count} 个进行中的机会改为 %{probability}%',
  },
  role_editor: {
    resource_names: { messages: '待发消息' },
    crud: { 'apply-probability': '概率应用到进行中的机会', read: '标为已读', list: '查看列表', show: '查看详情', create: '新建', edit: '编辑', delete: '删除', assign: '分配', run: '运行' },
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
