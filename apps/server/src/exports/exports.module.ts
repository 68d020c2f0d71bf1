import { Injectable, Module, type OnModuleInit } from '@nestjs/common';
import type { MinutesBlock, MinutesDraft, MinutesExportFormat } from '@xieshang/protocol';
import { loadPdfFonts } from './fonts.js';
import { exportMinutes, type MinutesFile } from './minutes-export.js';
import type { RenderOptions } from './render-options.js';

/**
 * Minutes renderers as an injectable service. Loading the PDF fonts at module init means a
 * missing font package fails the start, not the first download, and no request pays for it.
 */
@Injectable()
export class MinutesExportService implements OnModuleInit {
  onModuleInit(): void {
    loadPdfFonts();
  }

  export(
    source: MinutesDraft | MinutesBlock[],
    format: MinutesExportFormat,
    opts: RenderOptions = {},
  ): Promise<MinutesFile> {
    return exportMinutes(source, format, opts);
  }
}

@Module({ providers: [MinutesExportService], exports: [MinutesExportService] })
export class ExportsModule {}
