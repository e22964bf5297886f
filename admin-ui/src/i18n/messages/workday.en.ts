/** English texts of the working-day screens: 撞单 notices, assignment, archiving configuration (`crm.*`). */
export const workdayEn = {
  duplicate: {
    owned: 'Mobile %{mobile} already belongs to a customer of %{owner}:',
    in_pool: 'Mobile %{mobile} belongs to a customer in the pool:',
    notified: 'The owner will be told; nothing is merged.',
    pool: 'the pool',
  },
  assign: {
    button: 'Assign',
    title: 'Assign %{smart_count} record |||| Assign %{smart_count} records',
    owner: 'Assign to',
    auto: 'Next consultant in turn',
    done: '%{smart_count} record assigned |||| %{smart_count} records assigned',
    to_lead_hint: 'Leave empty to give the lead to the next consultant of the department in turn.',
  },
  archive: {
    archive: 'Archive',
    restore: 'Restore',
    archived: 'Archived',
    done_archive: 'Archived: hidden from pickers, kept on records.',
    done_restore: 'Restored.',
  },
  views: {
    mine: 'Mine',
    team: 'My team’s',
    all: 'All',
    unassigned: 'Unassigned',
    pool: 'Pool',
    today: 'New today',
  },
  filters: {
    owner: 'Owner',
    created_from: 'Created from',
    created_to: 'Created until',
  },
  bulk: {
    title: '%{action}: %{smart_count} record |||| %{action}: %{smart_count} records',
    confirm: '%{action} the selected record? |||| %{action} the %{smart_count} selected records?',
    done: '%{action}: %{smart_count} record done |||| %{action}: %{smart_count} records done',
  },
  next_follow_up: {
    plan: 'Plan the next follow-up',
    start: 'Next follow-up',
    hint: 'Default: the customer level’s follow-up interval from today.',
  },
  stage_path: {
    title: 'Stage',
    moved: 'Moved to %{stage}',
    suggest_win: '%{stage} reached: mark the opportunity as won?',
  },
};
