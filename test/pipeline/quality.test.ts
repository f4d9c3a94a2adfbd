/** Quality notes: synonym spinning and simplified-to-traditional misconversion, flagged by general signals, never by one file's words. */
import { describe, expect, it } from 'vitest';
import { misconverted, spunPhrases, textQualityNotes } from '../../src/pipeline/quality.ts';

describe('synonym spinning', () => {
  it('finds the phrases spinning tools write, with the word they replaced', () => {
    const text = '据先容，今朝齐国已经建树县地区医共体。国度卫生康健委召开消息宣布会，要求加强基层效劳中心扶植，在原有根底上推进年夜医院与基层配合体建设。';
    expect(spunPhrases(text)).toEqual(expect.arrayContaining(['齐国(全国)', '国度(国家)', '卫生康健(健康)', '效劳(服务)', '先容(介绍)', '消息宣布会(新闻发布会)', '年夜(大)', '配合体(共同体)', '根底(基础)']));
  });

  it('leaves the same words where a writer uses them', () => {
    const text = '齐国的国君召集大臣。除夕吃年夜饭，全家团聚。他愿意为国家效劳。这是一个神奇的国度。他的根底很扎实。';
    expect(spunPhrases(text)).toEqual([]);
  });

  it('flags a text only for two different spun phrases', () => {
    expect(textQualityNotes('今年齐国将推进改革。', 'simplified')).toEqual([]);
    expect(textQualityNotes('今年齐国将推进改革，国度卫生部门负责。', 'simplified').map((n) => n.kind)).toEqual(['spun-text']);
  });

  it('reads traditional text too', () => {
    expect(spunPhrases('國度衛生康健委召開消息宣佈會')).toEqual(expect.arrayContaining(['国度(国家)', '卫生康健(健康)']));
  });
});

describe('misconversion', () => {
  it('finds characters a simplified-to-traditional converter got wrong', () => {
    expect(misconverted('國家衛健委官網髮布數據，疾病預防控製中心要麵對新的考核，衛生係統也需要聯系基層。')).toEqual(['髮(应为發)', '製(应为制)', '麵(应为面)', '係(应为系)', '聯系(应为聯繫)']);
  });

  it('leaves right conversions alone, and simplified texts unchecked', () => {
    expect(misconverted('兩岸關係密切，製造業發展，政策寬鬆，頭髮變白，吃一碗麵。')).toEqual([]);
    expect(textQualityNotes('髮布 控製', 'simplified')).toEqual([]);
  });
});
