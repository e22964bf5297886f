import englishMessages from 'ra-language-english';
import type { TranslationMessages } from 'react-admin';

import type { Catalog } from './types';

/**
 * Our own messages, in English. Their shape is the reference for `zh.ts`
 * (`DomainMessages`): a key added here and missing there fails `tsc`.
 */
export const enDomain = {
  resources: {
    leads: {
      name: 'Lead |||| Leads',
      fields: {
        id: 'ID',
        q: 'Search',
        subject: 'Subject',
        source: 'Source',
        level: 'Level',
        description: 'Description',
        targetCustomer: 'Target customer',
        targetContact: 'Target contact',
        mobile: 'Mobile',
        email: 'Email',
        owner: 'Owner',
        status: 'Status',
        closeReason: 'Close reason',
        createdAt: 'Created at',
        updatedAt: 'Updated at',
      },
    },
    customers: { name: 'Customer |||| Customers' },
    opportunities: { name: 'Opportunity |||| Opportunities' },
    interactions: { name: 'Follow-up |||| Follow-ups' },
    departments: {
      name: 'Department |||| Departments',
      fields: { name: 'Name' },
    },
    staff: {
      name: 'Staff member |||| Staff',
      fields: {
        id: 'ID',
        q: 'Search',
        username: 'Username',
        displayName: 'Name',
        role: 'Role',
        department: 'Department',
      },
    },
  },
  crm: {
    app_title: 'Customer Relationship Management',
    app_subtitle: 'Sales team workspace',
    language: 'Language',
    auth: {
      identifier: 'Username or email',
      sign_in_title: 'Sign in',
      sign_in_subtitle: 'Use your staff account',
      tagline: 'Leads, customers, opportunities and follow-ups for the whole sales team, in one place.',
      feature_leads: 'Capture every lead, from walk-ins to campaigns',
      feature_follow_up: 'Plan follow-ups and never miss a reminder',
      feature_team: 'Managers see their team, consultants their own work',
      no_access: 'This account has no access to the CRM. Please contact your administrator.',
      too_many_attempts: 'Too many sign-in attempts. Please wait a moment and try again.',
      network_error: 'Cannot reach the server. Please check your network connection.',
    },
    roles: {
      admin: 'Administrator',
      'sales-manager': 'Sales manager',
      sales: 'Sales consultant',
      reception: 'Reception',
      marketing: 'Marketing',
      service: 'Customer service',
    },
    lead_status: {
      active: 'Active',
      qualified: 'Qualified',
      disqualified: 'Disqualified',
    },
    lead: {
      section_basic: 'Lead',
      section_contact: 'Contact',
      section_record: 'Record',
      read_only_hint: 'Status and owner change through the lead actions, not in this form.',
      unassigned: 'Unassigned',
    },
    staff: {
      no_department: 'No department',
    },
    validation: {
      mobile: 'Please enter a valid phone number',
    },
    dashboard: {
      greeting_morning: 'Good morning, %{name}',
      greeting_afternoon: 'Good afternoon, %{name}',
      greeting_evening: 'Good evening, %{name}',
      role: 'Role: %{role}',
      department: 'Department: %{department}',
      today: 'Today is %{date}',
      shortcuts: 'Shortcuts',
      view_leads: 'View leads',
      new_lead: 'New lead',
      view_staff: 'Staff directory',
      no_shortcuts: 'Your role has no pages in the staff UI yet.',
    },
  },
};

export type DomainMessages = Catalog<typeof enDomain>;

const en: TranslationMessages = { ...englishMessages, ...enDomain };

export default en;
