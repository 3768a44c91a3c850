// 申请人 and 代理人: ID numbers checked by their check digit as they are typed (the server checks again); a person
// or company already registered is recognised, so the case also appears in their portal.
import { useEffect, useState } from 'react';
import { Checkbox, Col, Form, Input, Radio, Row, Typography } from 'antd';
import { api } from '../../shared/api.ts';
import { idNumberProblem, type AgentEntry, type PartyEntry } from './intakeDraft.ts';
import { ScanUpload } from './ScanUpload.tsx';
import { useHallText } from './text.ts';

interface Props {
  applicant: PartyEntry;
  agent: AgentEntry | null;
  errors: Record<string, string>;
  onApplicant: (applicant: PartyEntry) => void;
  onAgent: (agent: AgentEntry | null) => void;
}

interface Registered {
  name: string;
  idNumberMasked: string | null;
  usccMasked: string | null;
}

const PHONE = /^1[3-9]\d{9}$/;

export function ApplicantFields({ applicant, agent, errors, onApplicant, onAgent }: Props) {
  const { t } = useHallText();
  const [registered, setRegistered] = useState<Registered | null>(null);
  const idProblem = idNumberProblem(applicant);
  const idComplete = applicant.idNumber.trim().length === 18 && !idProblem;

  useEffect(() => {
    setRegistered(null);
    if (!idComplete) return;
    const key = applicant.kind === 'person' ? 'idNumber' : 'uscc';
    void api.get<{ items: Registered[] }>('/api/identity/applicants', { [key]: applicant.idNumber.trim().toUpperCase() }).then((r) => setRegistered(r.items[0] ?? null), () => setRegistered(null));
  }, [idComplete, applicant.kind, applicant.idNumber]);

  const set = (changes: Partial<PartyEntry>) => onApplicant({ ...applicant, ...changes });
  const status = (field: string, problem?: string | null) => {
    const message = problem ?? errors[field];
    return message ? { validateStatus: 'error' as const, help: message } : {};
  };
  const agentIdProblem = agent ? idNumberProblem({ kind: 'person', idNumber: agent.idNumber }) : null;

  return (
    <Form layout="vertical" component="div">
      <Form.Item label={t('intake.applicant')}>
        <Radio.Group
          value={applicant.kind}
          onChange={(e) => set({ kind: e.target.value as PartyEntry['kind'] })}
          options={[
            { value: 'person', label: t('intake.kind.person') },
            { value: 'company', label: t('intake.kind.company') },
          ]}
        />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} md={8}>
          <Form.Item label={t(`intake.idNumber.${applicant.kind}`)} htmlFor="intake-applicant-id" required {...status('/applicant/idNumber', idProblem)}>
            <Input id="intake-applicant-id" value={applicant.idNumber} maxLength={18} autoComplete="off" onChange={(e) => set({ idNumber: e.target.value })} data-testid="applicant-id" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label={t(`intake.name.${applicant.kind}`)} htmlFor="intake-applicant-name" required {...status('/applicant/name')}>
            <Input id="intake-applicant-name" value={applicant.name} maxLength={100} onChange={(e) => set({ name: e.target.value })} data-testid="applicant-name" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label={t('intake.phone')} htmlFor="intake-applicant-phone" required {...status('/applicant/phone', applicant.phone && !PHONE.test(applicant.phone) ? '手机号码应为 11 位' : null)}>
            <Input id="intake-applicant-phone" value={applicant.phone} maxLength={11} inputMode="tel" autoComplete="off" onChange={(e) => set({ phone: e.target.value })} data-testid="applicant-phone" />
          </Form.Item>
        </Col>
        {applicant.kind === 'company' && (
          <Col xs={24} md={8}>
            <Form.Item label={t('intake.legalRep')} htmlFor="intake-applicant-legal-rep" required {...status('/applicant/legalRepresentative')}>
              <Input id="intake-applicant-legal-rep" value={applicant.legalRepresentative} maxLength={50} onChange={(e) => set({ legalRepresentative: e.target.value })} />
            </Form.Item>
          </Col>
        )}
      </Row>
      {registered && (
        <Typography.Paragraph type="success">{t('intake.registered', { name: registered.name, id: registered.idNumberMasked ?? registered.usccMasked ?? '' })}</Typography.Paragraph>
      )}
      <Checkbox checked={agent !== null} onChange={(e) => onAgent(e.target.checked ? { name: '', idNumber: '', phone: '', authorisation: null } : null)}>
        {t('intake.agentToggle')}
      </Checkbox>
      {agent && (
        <Row gutter={12} style={{ marginTop: 12 }}>
          <Col xs={24} md={6}>
            <Form.Item label={t('intake.agentName')} htmlFor="intake-agent-name" required {...status('/agent/name')}>
              <Input id="intake-agent-name" value={agent.name} maxLength={50} onChange={(e) => onAgent({ ...agent, name: e.target.value })} />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item label={t('intake.agentId')} htmlFor="intake-agent-id" required {...status('/agent/idNumber', agentIdProblem)}>
              <Input id="intake-agent-id" value={agent.idNumber} maxLength={18} autoComplete="off" onChange={(e) => onAgent({ ...agent, idNumber: e.target.value })} />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item label={t('intake.agentPhone')} htmlFor="intake-agent-phone" required {...status('/agent/phone')}>
              <Input id="intake-agent-phone" value={agent.phone} maxLength={11} inputMode="tel" onChange={(e) => onAgent({ ...agent, phone: e.target.value })} />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item label={t('intake.authorisation')}>
              <ScanUpload
                label={t('intake.authorisation')}
                files={agent.authorisation ? [agent.authorisation] : []}
                onChange={(files) => onAgent({ ...agent, authorisation: files.at(-1) ?? null })}
              />
            </Form.Item>
          </Col>
        </Row>
      )}
    </Form>
  );
}
