/** The pure Caspos protocol pieces: JSON reading (strict and lenient), exact decimals, dates, the answer envelope. */
import { describe, expect, it } from 'vitest';
import { Num, parseCasposJson, toPlain, type JObject } from '../../../src-main/protocols/caspos/json-read.js';
import { money, quantity, writeCasposJson } from '../../../src-main/protocols/caspos/json-write.js';
import { casposDateTime, readCasposDateTime, readCents, scaleText } from '../../../src-main/protocols/caspos/units.js';
import { readAnswer, CasposAnswerError } from '../../../src-main/protocols/caspos/envelope.js';
import { casposError } from '../../../src-main/protocols/caspos/errors.js';

describe('Caspos JSON', () => {
  it('keeps numbers as written, so amounts never pass through a float', () => {
    const v = parseCasposJson('{"a": 0.1, "b": 1000.50, "c": [7045]}', { lenient: false }) as JObject;
    expect(v.a).toEqual(new Num('0.1'));
    expect((v.b as Num).text).toBe('1000.50');
    expect(toPlain(v)).toEqual({ a: 0.1, b: 1000.5, c: [7045] });
  });

  it('lenient: comments, trailing commas, a missing comma, “Versiya: 1.0.7.0” closed by a typographic quote, 1000., - 0.8', () => {
    const text = [
      '{ "data": { "access_token": "+jUvyzDwh7MSoqA7Q6tDNA=="} "code": "0",',
      '"v": "Versiya: 1.0.7.0\u201d',
      '"n": 10520 , // a comment',
      '"x": 1000.,',
      '"y": - 0.8000001,',
      '"z": 00.0,',
      '"url": "https://monitoring.e-kassa.gov.az/#/index?doc=",',
      '"arr": [1, 2,],',
      '}',
    ].join('\n');
    expect(toPlain(parseCasposJson(text, { lenient: true }))).toEqual({
      data: { access_token: '+jUvyzDwh7MSoqA7Q6tDNA==' },
      code: '0',
      v: 'Versiya: 1.0.7.0',
      n: 10520,
      x: 1000,
      y: -0.8000001,
      z: 0,
      url: 'https://monitoring.e-kassa.gov.az/#/index?doc=',
      arr: [1, 2],
    });
  });

  it('strict mode refuses what a JSON deserializer refuses', () => {
    for (const bad of [
      '{"a": 1,}',
      '{"a": 1 "b": 2}',
      '{"a": 1.}',
      '{"a": 1} // c',
      '{"a": 01}',
      '{"a": "x\u201d\n}',
    ]) {
      expect(() => parseCasposJson(bad, { lenient: false }), bad).toThrow();
    }
  });

  it('writes quantities with 3 decimals and prices with 2, from integer units, UTF-8 text unescaped', () => {
    expect(writeCasposJson({ quantity: quantity(1500), salePrice: money(1), name: 'Çörək ə', n: 3 })).toBe(
      '{"quantity":1.500,"salePrice":0.01,"name":"Çörək ə","n":3}',
    );
    expect(() => writeCasposJson({ x: 0.1 })).toThrow(/integers/);
  });
});

describe('Caspos units', () => {
  it('reads a device’s float noise and rounds half away from zero to the unit, from the text', () => {
    expect(scaleText('0.5999999', 2)).toBe(60);
    expect(scaleText('1000.', 2)).toBe(100_000);
    expect(scaleText('-0.8000001', 2)).toBe(-80);
    expect(scaleText('1203.8201', 2)).toBe(120_382);
    expect(scaleText('0.005', 2)).toBe(1);
    expect(scaleText('-0.005', 2)).toBe(-1);
    expect(scaleText('1e2', 2)).toBe(10_000);
    expect(scaleText('abc', 2)).toBeNull();
    expect(readCents('12,5')).toBe(1250);
    expect(readCents(new Num('0.03'))).toBe(3);
  });

  it('dates: dd.MM.yyyy HH:mm:ss both ways, leniently without the space (as the seed’s X report has it)', () => {
    expect(casposDateTime('2023-10-04T15:04:09')).toBe('04.10.2023 15:04:09');
    expect(readCasposDateTime('04.10.202315:04:09')).toBe('2023-10-04T15:04:09');
    expect(readCasposDateTime('11.06.2021 12:07:16')).toBe('2021-06-11T12:07:16');
    expect(readCasposDateTime('31.13.2021 12:07:16')).toBeNull();
    expect(readCasposDateTime('31.02.2021 12:07:16')).toBeNull();
    expect(readCasposDateTime('01.02.2021 24:00:00')).toBeNull();
    expect(readCasposDateTime(new Num('1'))).toBeNull();
  });
});

describe('Caspos answers', () => {
  it('reads `code` as a string or a number and never decides on the message', () => {
    expect(readAnswer('{"code": "0", "message": "Successoperation"}')).toMatchObject({ code: 0, data: null });
    expect(readAnswer('{"code": 0, "message": "", "data": {"a": 1}}').data).toEqual({ a: new Num('1') });
    expect(readAnswer('{"code": " 503 ", "message": "Success operation"}').code).toBe(503);
    expect(() => readAnswer('<html>502 Bad Gateway</html>')).toThrow(CasposAnswerError);
    expect(() => readAnswer('{"message": "ok"}')).toThrow(/numeric "code"/);
  });

  it('maps codes to FisCool codes with a cashier text in az, ro and en', () => {
    expect(casposError(503)).toMatchObject({ code: 'SHIFT_CLOSED', az: expect.stringContaining('Növbə') });
    expect(casposError(504).code).toBe('Z_REPORT_REQUIRED');
    expect(casposError(616).code).toBe('VAT_RATE_NOT_PROGRAMMED');
    expect(casposError(605).code).toBe('FISCAL_MEMORY_FULL');
    expect(casposError(403).en).toMatch(/Enable Integration Service/);
    expect(casposError(650).code).toBe('DEVICE_REJECTED'); // a 6xx without its own text: a refusal
    expect(casposError(1111).code).toBe('DEVICE_ERROR'); // the fiscal module's own errors
    for (const c of [401, 403, 404, 405, 503, 504, 604, 607, 628, 639, 999, 1111]) {
      const e = casposError(c);
      expect(e.az && e.ro && e.en, `texts for ${c}`).toBeTruthy();
    }
  });
});
