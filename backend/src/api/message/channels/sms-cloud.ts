// Aliyun and Tencent Cloud SMS through their own SDKs. Both send only registered templates: the
// message body goes in as the template's one parameter (`content` for Aliyun, the first for
// Tencent). SMS_ENDPOINT points an SDK at another host (a proxy, or a loopback fake in tests).
import AliyunSms, { SendSmsRequest } from '@alicloud/dysmsapi20170525';
import { $OpenApiUtil } from '@alicloud/openapi-core';
import { sms as tencentSms } from 'tencentcloud-sdk-nodejs-sms';
import { NotConfigured, type OutMessage } from './types';

const need = (name: string) => {
  const v = process.env[name];
  if (!v) throw new NotConfigured(`${name} is not set`);
  return v;
};

/** `http://127.0.0.1:8080` → host and protocol, as both SDKs want them apart. */
function endpoint(fallback: string) {
  const raw = process.env.SMS_ENDPOINT;
  if (!raw) return { host: fallback, protocol: 'https' };
  const m = /^(https?):\/\/(.+?)\/?$/.exec(raw);
  return m ? { host: m[2], protocol: m[1] } : { host: raw, protocol: 'https' };
}

export async function sendAliyun(msg: OutMessage, sign: string): Promise<{ providerId: string }> {
  const { host, protocol } = endpoint('dysmsapi.aliyuncs.com');
  const client = new AliyunSms(new $OpenApiUtil.Config({
    accessKeyId: need('SMS_ACCESS_KEY_ID'), accessKeySecret: need('SMS_ACCESS_KEY_SECRET'), endpoint: host, protocol,
  }));
  const res = await client.sendSms(new SendSmsRequest({
    phoneNumbers: msg.to!, signName: sign, templateCode: need('SMS_TEMPLATE'), templateParam: JSON.stringify({ content: msg.body ?? '' }),
  }));
  const body = res.body;
  if (body?.code !== 'OK') throw new Error(`Aliyun SMS: ${body?.code ?? 'no answer'} ${body?.message ?? ''}`.trim());
  return { providerId: body.bizId ?? body.requestId ?? 'aliyun' };
}

export async function sendTencent(msg: OutMessage, sign: string): Promise<{ providerId: string }> {
  const { host, protocol } = endpoint('sms.tencentcloudapi.com');
  const client = new tencentSms.v20210111.Client({
    credential: { secretId: need('SMS_ACCESS_KEY_ID'), secretKey: need('SMS_ACCESS_KEY_SECRET') },
    region: process.env.SMS_REGION ?? 'ap-guangzhou',
    profile: { httpProfile: { endpoint: host, protocol: `${protocol}://`, reqTimeout: 10 } },
  });
  const res = await client.SendSms({
    PhoneNumberSet: [msg.to!], SmsSdkAppId: need('SMS_APP_ID'), TemplateId: need('SMS_TEMPLATE'), SignName: sign, TemplateParamSet: [msg.body ?? ''],
  });
  const status = res.SendStatusSet?.[0];
  if (!status || status.Code !== 'Ok') throw new Error(`Tencent SMS: ${status?.Code ?? 'no status'} ${status?.Message ?? ''}`.trim());
  return { providerId: status.SerialNo ?? res.RequestId ?? 'tencent' };
}
