import type { TranslationMessages } from 'react-admin';

import type { DomainMessages } from './en';
import { configZh } from './messages/config.zh';
import { lowcodeResourcesZh, lowcodeUiZh } from './messages/lowcode.zh';
import { jobsResourcesZh, jobsUiZh } from './messages/jobs.zh';
import { webhooksResourcesZh, webhooksUiZh } from './messages/webhooks.zh';
import { recordsZh } from './messages/records.zh';
import { uiZh } from './messages/ui.zh';
import { valuesZh } from './messages/values.zh';
import { workdayZh } from './messages/workday.zh';
import { reportsZh } from './messages/reports.zh';
import { questionnairesUiZh } from './messages/questionnaires.zh';
import type { RaMessages } from './types';

/**
 * Simplified Chinese catalog: every message of `ra-language-english` (typed by
 * `RaMessages`, so a missing or misspelt key fails `tsc`) plus our domain messages
 * (`messages/*.zh.ts`, each typed by its English twin).
 *
 * Chinese has no plural forms: no `||||` variants; `%{smart_count}` stays where a
 * number is shown.
 */
const raZh: RaMessages = {
  ra: {
    action: {
      add_filter: '添加筛选',
      add: '添加',
      back: '返回',
      bulk_actions: '已选择 %{smart_count} 项',
      cancel: '取消',
      clear_array_input: '清空列表',
      clear_input_value: '清除',
      clone: '复制',
      confirm: '确认',
      create: '新建',
      create_item: '新建%{item}',
      delete: '删除',
      edit: '编辑',
      export: '导出',
      list: '列表',
      refresh: '刷新',
      remove_filter: '移除此筛选',
      remove_all_filters: '清除所有筛选',
      remove: '移除',
      reset: '重置',
      save: '保存',
      search: '搜索',
      search_columns: '搜索列',
      select_all: '全选',
      select_all_button: '全选',
      select_row: '选择此行',
      show: '查看',
      sort: '排序',
      undo: '撤销',
      unselect: '取消选择',
      expand: '展开',
      close: '关闭',
      open_menu: '打开菜单',
      close_menu: '关闭菜单',
      update: '更新',
      move_up: '上移',
      move_down: '下移',
      open: '打开',
      toggle_theme: '切换明暗主题',
      select_columns: '显示列',
      update_application: '重新加载应用',
    },
    boolean: {
      true: '是',
      false: '否',
      null: ' ',
    },
    page: {
      create: '新建%{name}',
      dashboard: '工作台',
      edit: '编辑%{name}：%{recordRepresentation}',
      error: '出现错误',
      list: '%{name}',
      loading: '加载中',
      not_found: '页面不存在',
      show: '%{name}：%{recordRepresentation}',
      empty: '暂无%{name}。',
      invite: '要新建一条吗？',
      access_denied: '无权访问',
      authentication_error: '身份验证错误',
    },
    input: {
      file: {
        upload_several: '将文件拖放到此处上传，或点击选择文件。',
        upload_single: '将文件拖放到此处上传，或点击选择文件。',
      },
      image: {
        upload_several: '将图片拖放到此处上传，或点击选择图片。',
        upload_single: '将图片拖放到此处上传，或点击选择图片。',
      },
      references: {
        all_missing: '找不到关联的数据。',
        many_missing: '至少有一条关联数据已不存在。',
        single_missing: '关联的数据已不存在。',
      },
      password: {
        toggle_visible: '隐藏密码',
        toggle_hidden: '显示密码',
      },
    },
    message: {
      about: '关于',
      access_denied: '您没有访问此页面的权限',
      are_you_sure: '确定要这样做吗？',
      authentication_error: '身份验证服务器返回错误，无法验证您的登录信息。',
      auth_error: '验证登录令牌时出错。',
      bulk_delete_content: '确定要删除选中的 %{smart_count} 条%{name}吗？',
      bulk_delete_title: '删除 %{smart_count} 条%{name}',
      bulk_update_content: '确定要更新选中的 %{smart_count} 条%{name}吗？',
      bulk_update_title: '更新 %{smart_count} 条%{name}',
      clear_array_input: '确定要清空整个列表吗？',
      delete_content: '确定要删除这条%{name}吗？',
      delete_title: '删除%{name}：%{recordRepresentation}',
      details: '详情',
      error: '客户端出错，请求未能完成。',
      invalid_form: '表单填写有误，请检查标出的字段',
      loading: '请稍候',
      no: '否',
      not_found: '您输入的网址有误，或者链接已失效。',
      select_all_limit_reached: '数据太多，无法全部选中，仅选中了前 %{max} 条。',
      unsaved_changes: '部分修改尚未保存，确定要放弃吗？',
      yes: '是',
      placeholder_data_warning: '网络问题：数据刷新失败。',
    },
    navigation: {
      clear_filters: '清除筛选',
      no_filtered_results: '没有符合当前筛选条件的%{name}。',
      no_results: '没有找到%{name}',
      no_more_results: '页码 %{page} 超出范围，请返回上一页。',
      page_out_of_boundaries: '页码 %{page} 超出范围',
      page_out_from_end: '已经是最后一页',
      page_out_from_begin: '已经是第一页',
      page_range_info: '第 %{offsetBegin}-%{offsetEnd} 条，共 %{total} 条',
      partial_page_range_info: '第 %{offsetBegin}-%{offsetEnd} 条，共超过 %{offsetEnd} 条',
      current_page: '第 %{page} 页',
      page: '转到第 %{page} 页',
      first: '转到第一页',
      last: '转到最后一页',
      next: '转到下一页',
      previous: '转到上一页',
      page_rows_per_page: '每页行数：',
      skip_nav: '跳到正文',
    },
    sort: {
      sort_by: '按%{field_lower_first}%{order}排列',
      ASC: '升序',
      DESC: '降序',
    },
    auth: {
      auth_check_error: '请先登录',
      user_menu: '个人信息',
      username: '用户名',
      password: '密码',
      email: '邮箱',
      sign_in: '登录',
      sign_in_error: '登录失败，请检查用户名和密码后重试',
      logout: '退出登录',
    },
    notification: {
      updated: '已更新 %{smart_count} 条记录',
      created: '已创建',
      deleted: '已删除 %{smart_count} 条记录',
      bad_item: '记录有误',
      item_doesnt_exist: '记录不存在',
      http_error: '与服务器通信出错',
      data_provider_error: '数据服务出错，详情请查看浏览器控制台。',
      i18n_error: '无法加载所选语言的翻译',
      canceled: '操作已取消',
      logged_out: '您的登录已过期，请重新登录。',
      not_authorized: '您无权访问此资源。',
      application_update_available: '有新版本可用。',
      offline: '网络未连接，无法获取数据。',
    },
    validation: {
      required: '必填',
      minLength: '至少需要 %{min} 个字符',
      maxLength: '不能超过 %{max} 个字符',
      minValue: '不能小于 %{min}',
      maxValue: '不能大于 %{max}',
      number: '必须是数字',
      email: '请输入有效的邮箱地址',
      oneOf: '必须是以下之一：%{options}',
      regex: '格式不正确（须匹配正则表达式）：%{pattern}',
      unique: '该值已存在，必须唯一',
    },
    saved_queries: {
      label: '常用查询',
      query_name: '查询名称',
      new_label: '保存当前查询…',
      new_dialog_title: '将当前查询保存为',
      remove_label: '删除常用查询',
      remove_label_with_name: '删除查询“%{name}”',
      remove_dialog_title: '删除常用查询？',
      remove_message: '确定要从常用查询中删除这一项吗？',
      help: '筛选列表后可保存此查询，以便下次使用',
    },
    guesser: {
      empty: {
        title: '没有可显示的数据',
        message: '请检查数据服务',
      },
    },
    configurable: {
      customize: '自定义',
      configureMode: '配置此页面',
      inspector: {
        title: '检查器',
        content: '将鼠标悬停在界面元素上即可进行配置',
        reset: '恢复默认设置',
        hideAll: '全部隐藏',
        showAll: '全部显示',
      },
      Datagrid: {
        title: '数据表格',
        unlabeled: '未命名列 #%{column}',
      },
      SimpleForm: {
        title: '表单',
        unlabeled: '未命名输入项 #%{input}',
      },
      SimpleList: {
        title: '列表',
        primaryText: '主要文本',
        secondaryText: '次要文本',
        tertiaryText: '第三文本',
      },
    },
  },
};

const domainZh: DomainMessages = {
  resources: { ...recordsZh, ...configZh, ...jobsResourcesZh, ...lowcodeResourcesZh, ...webhooksResourcesZh },
  crm: { ...uiZh, ...valuesZh, ...workdayZh, ...reportsZh, ...jobsUiZh, ...lowcodeUiZh, ...questionnairesUiZh, ...webhooksUiZh },
};

const zh: TranslationMessages = { ...raZh, ...domainZh };

export default zh;
