/** The planner's editable inputs: volume and handle time per category, service level, team, AI QA. */
import type { PlanInputView } from '../../../src/api/planner-schemas.ts';
import {
  overallAiShare,
  setAiQa,
  setCategory,
  setLiveChannel,
  setVolume,
  volumeOf,
  volumeRowIndex,
} from './edit-input.ts';
import { categoryLabel, channelLabel, fieldLabels, humanize, volumeLabel } from './field-labels.ts';
import { NumberField } from './number-field.tsx';
import { OpeningHours } from './opening-hours.tsx';

interface Props {
  readonly input: PlanInputView;
  readonly onChange: (input: PlanInputView) => void;
  /** Whether the server named this path (e.g. "volume.3.perWeek") as invalid. */
  readonly invalid: (path: string) => boolean;
}

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');

export const PlanInputs = ({ input, onChange, invalid }: Props) => {
  const channels = input.channels;
  const num = (value: number | undefined): number => value ?? Number.NaN;
  const total = (channel: string) =>
    input.categories.reduce((sum, c) => sum + volumeOf(input, c.id, channel), 0);

  return (
    <div className="plan-inputs">
      <section className="panel">
        <h2>Conversations and handle time</h2>
        <p className="hint">
          Everything that arrives per week, before the AI; today’s human handle time; and the share the AI
          resolves after automation.
        </p>
        <table className="categories">
          <thead>
            <tr>
              <th scope="col">Category</th>
              {channels.map((ch) => (
                <th scope="col" key={ch.id} className="n">
                  {humanize(ch.id)} /wk
                </th>
              ))}
              <th scope="col" className="n">
                Handle min
              </th>
              <th scope="col" className="n">
                AI resolves
              </th>
              <th scope="col" title="Complex or high-risk work handled by specialists">
                Spec.
              </th>
            </tr>
          </thead>
          <tbody>
            {input.categories.map((c, i) => (
              <tr key={c.id}>
                <th scope="row">{humanize(c.id)}</th>
                {channels.map((ch) => (
                  <td key={ch.id}>
                    <NumberField
                      label={volumeLabel(c.id, ch.id)}
                      value={volumeOf(input, c.id, ch.id)}
                      decimals={0}
                      invalid={invalid(`volume.${volumeRowIndex(input, c.id, ch.id)}.perWeek`)}
                      onChange={(v) => onChange(setVolume(input, c.id, ch.id, num(v)))}
                    />
                  </td>
                ))}
                <td>
                  <NumberField
                    label={categoryLabel('handleMinutes', c.id)}
                    value={c.handleMinutes}
                    invalid={invalid(`categories.${i}.handleMinutes`)}
                    onChange={(v) => onChange(setCategory(input, i, { handleMinutes: num(v) }))}
                  />
                </td>
                <td>
                  <NumberField
                    label={categoryLabel('aiResolutionShare', c.id)}
                    value={c.aiResolutionShare}
                    scale={100}
                    suffix="%"
                    invalid={invalid(`categories.${i}.aiResolutionShare`)}
                    onChange={(v) => onChange(setCategory(input, i, { aiResolutionShare: num(v) }))}
                  />
                </td>
                <td className="c">
                  <input
                    type="checkbox"
                    aria-label={categoryLabel('specialist', c.id)}
                    checked={c.specialist}
                    onChange={(e) => onChange(setCategory(input, i, { specialist: e.target.checked }))}
                  />
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Total</th>
              {channels.map((ch) => (
                <td key={ch.id} className="n">
                  {fmt(total(ch.id))}
                </td>
              ))}
              <td />
              <td className="n" title="Share of all conversations the AI resolves">
                {(overallAiShare(input) * 100).toFixed(0)}%
              </td>
              <td />
            </tr>
          </tfoot>
        </table>
      </section>

      <section className="panel">
        <h2>Service level</h2>
        {channels.map((ch, i) =>
          ch.kind === 'live' ? (
            <div className="field-group" key={ch.id}>
              <h3>{humanize(ch.id)}</h3>
              <div className="field-row">
                <NumberField
                  visibleLabel
                  shortLabel="Service level"
                  label={channelLabel('serviceLevel', ch.id)}
                  value={ch.serviceLevel}
                  scale={100}
                  suffix="%"
                  invalid={invalid(`channels.${i}.serviceLevel`)}
                  onChange={(v) => onChange(setLiveChannel(input, i, { serviceLevel: num(v) }))}
                />
                <NumberField
                  visibleLabel
                  shortLabel="Target"
                  label={channelLabel('targetSeconds', ch.id)}
                  value={ch.targetSeconds}
                  suffix="s"
                  invalid={invalid(`channels.${i}.targetSeconds`)}
                  onChange={(v) => onChange(setLiveChannel(input, i, { targetSeconds: num(v) }))}
                />
                <NumberField
                  visibleLabel
                  shortLabel="Chats at once"
                  label={channelLabel('concurrency', ch.id)}
                  value={ch.concurrency}
                  invalid={invalid(`channels.${i}.concurrency`)}
                  onChange={(v) => onChange(setLiveChannel(input, i, { concurrency: num(v) }))}
                />
                <NumberField
                  visibleLabel
                  optional
                  shortLabel="Patience"
                  label={channelLabel('patienceSeconds', ch.id)}
                  value={ch.patienceSeconds}
                  suffix="s"
                  invalid={invalid(`channels.${i}.patienceSeconds`)}
                  onChange={(v) => onChange(setLiveChannel(input, i, { patienceSeconds: v }))}
                />
              </div>
            </div>
          ) : (
            <p className="hint" key={ch.id}>
              {humanize(ch.id)} is answered later (no service-level target): worked at the occupancy cap.
            </p>
          ),
        )}
        <div className="field-row">
          <NumberField
            visibleLabel
            shortLabel="Residual handle time"
            label={fieldLabels.residualHandleTimeIncrease ?? ''}
            value={input.residualHandleTimeIncrease}
            scale={100}
            suffix="%"
            invalid={invalid('residualHandleTimeIncrease')}
            onChange={(v) => onChange({ ...input, residualHandleTimeIncrease: num(v) })}
          />
          <NumberField
            visibleLabel
            label={fieldLabels.maxOccupancy ?? ''}
            value={input.maxOccupancy}
            scale={100}
            suffix="%"
            invalid={invalid('maxOccupancy')}
            onChange={(v) => onChange({ ...input, maxOccupancy: num(v) })}
          />
        </div>
        <p className="hint">
          Patience: customers’ mean patience, to model abandonment (Erlang A); blank assumes nobody gives up
          (Erlang C). Residual handle time: how much longer the conversations the AI leaves to people take,
          because they are the harder ones.
        </p>
      </section>

      <section className="panel">
        <h2>Team</h2>
        <div className="field-row">
          <NumberField
            visibleLabel
            label={fieldLabels.shrinkage ?? ''}
            value={input.shrinkage}
            scale={100}
            suffix="%"
            invalid={invalid('shrinkage')}
            onChange={(v) => onChange({ ...input, shrinkage: num(v) })}
          />
          <NumberField
            visibleLabel
            shortLabel="Paid hours / week"
            label={fieldLabels.hoursPerFteWeek ?? ''}
            value={input.hoursPerFteWeek}
            suffix="h"
            invalid={invalid('hoursPerFteWeek')}
            onChange={(v) => onChange({ ...input, hoursPerFteWeek: num(v) })}
          />
          <NumberField
            visibleLabel
            shortLabel="Min. on shift"
            label={fieldLabels.minimumCoverage ?? ''}
            value={input.minimumCoverage}
            invalid={invalid('minimumCoverage')}
            onChange={(v) => onChange({ ...input, minimumCoverage: num(v) })}
          />
        </div>
        <h3>Opening hours</h3>
        <OpeningHours input={input} onChange={onChange} invalid={invalid} />
      </section>

      <section className="panel">
        <h2>AI quality review</h2>
        <p className="hint">
          Share of AI-resolved conversations sampled for review; flagged ones (thumbs-down, recontact,
          complaint) are all reviewed on top.
        </p>
        <div className="field-row">
          <NumberField
            visibleLabel
            shortLabel="Sampled"
            label={fieldLabels['roles.aiQa.samplingRate'] ?? ''}
            value={input.roles.aiQa.samplingRate}
            scale={100}
            suffix="%"
            invalid={invalid('roles.aiQa.samplingRate')}
            onChange={(v) => onChange(setAiQa(input, { samplingRate: num(v) }))}
          />
          <NumberField
            visibleLabel
            shortLabel="Flagged, all reviewed"
            label={fieldLabels['roles.aiQa.flaggedShare'] ?? ''}
            value={input.roles.aiQa.flaggedShare}
            scale={100}
            suffix="%"
            invalid={invalid('roles.aiQa.flaggedShare')}
            onChange={(v) => onChange(setAiQa(input, { flaggedShare: num(v) }))}
          />
          <NumberField
            visibleLabel
            shortLabel="Per review"
            label={fieldLabels['roles.aiQa.minutesPerReview'] ?? ''}
            value={input.roles.aiQa.minutesPerReview}
            suffix="min"
            invalid={invalid('roles.aiQa.minutesPerReview')}
            onChange={(v) => onChange(setAiQa(input, { minutesPerReview: num(v) }))}
          />
        </div>
      </section>
    </div>
  );
};
