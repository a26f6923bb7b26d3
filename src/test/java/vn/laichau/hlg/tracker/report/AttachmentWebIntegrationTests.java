package vn.laichau.hlg.tracker.report;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import vn.laichau.hlg.tracker.period.ObligationService;
import vn.laichau.hlg.tracker.shared.CurrentUser;
import vn.laichau.hlg.tracker.support.IntegrationTest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Evidence files: judged by content, limited in size, checked against zip bombs, always downloaded. */
@IntegrationTest
class AttachmentWebIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObligationService obligations;

    ReportFixtures fixtures;
    CurrentUser reporter;
    long reportId;

    @BeforeEach
    void setUp() throws Exception {
        fixtures = new ReportFixtures(jdbc, obligations);
        long agency = fixtures.agency("UBND", "03390");
        reporter = fixtures.reporter(agency);
        String url = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/reports/start")
                        .with(csrf()).with(authentication(ReportFixtures.auth(reporter)))
                        .param("obligation", String.valueOf(fixtures.obligation(agency, "1", 2026))))
                .andReturn().getResponse().getRedirectedUrl();
        reportId = Long.parseLong(url.replaceAll("\\D", ""));
    }

    @AfterEach
    void tearDown() {
        fixtures.cleanup();
    }

    @Test
    void aPdfIsStoredWithItsHashAndAlwaysDownloadedUnderASafeName() throws Exception {
        byte[] pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        upload(new MockMultipartFile("files", "../../Biên bản <hội nghị>.pdf", "text/html", pdf))
                .andExpect(redirectedUrl("/reports/" + reportId + "/edit"));
        assertThat(jdbc.queryForObject("select sha256 from report_attachment where report_id = ?", String.class, reportId))
                .isEqualTo(AttachmentInspector.sha256(pdf));
        long id = jdbc.queryForObject("select id from report_attachment where report_id = ?", Long.class, reportId);
        mvc.perform(get("/reports/" + reportId + "/attachments/" + id).with(authentication(ReportFixtures.auth(reporter))))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", startsWith("attachment;")))
                .andExpect(header().string("Content-Disposition", containsString("Bi%C3%AAn%20b%E1%BA%A3n%20_h%E1%BB%99i%20ngh%E1%BB%8B_.pdf")))
                .andExpect(header().string("Content-Type", "application/octet-stream"))
                .andExpect(content().bytes(pdf));
    }

    @Test
    void aRealWordDocumentIsAccepted() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XWPFDocument document = new XWPFDocument()) {
            document.createParagraph().createRun().setText("Báo cáo kết quả");
            document.write(out);
        }
        upload(new MockMultipartFile("files", "bao-cao.docx", "application/octet-stream", out.toByteArray()))
                .andExpect(redirectedUrl("/reports/" + reportId + "/edit"));
        assertThat(jdbc.queryForObject("select content_type from report_attachment where report_id = ?", String.class, reportId))
                .isEqualTo(AttachmentInspector.DOCX);
    }

    @Test
    void aProgramNamedLikeAPdfIsRefusedAndNothingIsStored() throws Exception {
        byte[] exe = new byte[4096];
        exe[0] = 'M';
        exe[1] = 'Z';
        upload(new MockMultipartFile("files", "bao-cao.pdf", "application/pdf", exe))
                .andExpect(content().string(containsString("id=\"files-error\">Chỉ nhận tệp PDF")));
        upload(new MockMultipartFile("files", "bao-cao.pdf", "application/pdf", zip("readme.txt", "xin chào".getBytes(StandardCharsets.UTF_8))))
                .andExpect(content().string(containsString("id=\"files-error\">Chỉ nhận tệp PDF")));
        assertThat(stored()).isZero();
    }

    @Test
    void aZipBombDressedAsWordIsRefusedAndNothingIsStored() throws Exception {
        byte[] bomb = zip("word/document.xml", new byte[30 * 1024 * 1024]);
        assertThat(bomb.length).isLessThan(1024 * 1024);
        upload(new MockMultipartFile("files", "bao-cao.docx", "application/octet-stream", bomb))
                .andExpect(content().string(containsString("id=\"files-error\">Tệp Word/Excel này có cấu trúc bất thường")));
        assertThat(stored()).isZero();
    }

    @Test
    void aFileOverTenMegabytesIsRefusedWithTheTypedTextKept() throws Exception {
        byte[] big = new byte[11 * 1024 * 1024];
        byte[] header = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(header, 0, big, 0, header.length);
        Arrays.fill(big, header.length, big.length, (byte) ' ');
        upload(new MockMultipartFile("files", "lon.pdf", "application/pdf", big), "Nội dung đang gõ dở")
                .andExpect(content().string(containsString("id=\"files-error\">Tệp quá lớn")))
                .andExpect(content().string(containsString("Nội dung đang gõ dở")));
        assertThat(stored()).isZero();
        assertThat(jdbc.queryForObject("select results from progress_report where id = ?", String.class, reportId)).isNull();
    }

    @Test
    void aHugeUploadIsRefusedFromItsSizeWithoutBeingReadIntoMemory() throws Exception {
        StreamedFile huge = new StreamedFile(59L * 1024 * 1024, 59L * 1024 * 1024);
        upload(huge, "Nội dung gõ trước khi gửi tệp lớn")
                .andExpect(status().is(422))
                .andExpect(content().string(containsString("id=\"files-error\">Tệp quá lớn")))
                .andExpect(content().string(containsString("Nội dung gõ trước khi gửi tệp lớn")));
        assertThat(huge.bytesRead).as("the file is judged by its size before any byte is read").isZero();
        assertThat(stored()).isZero();
    }

    @Test
    void aFileWhoseSizeLiesIsReadOnlyUpToTheLimit() throws Exception {
        // Claims 1 KB, delivers 59 MB: reading stops one byte past the 10 MB limit.
        StreamedFile liar = new StreamedFile(1024, 59L * 1024 * 1024);
        upload(liar, "Nội dung gõ dở")
                .andExpect(status().is(422))
                .andExpect(content().string(containsString("id=\"files-error\">Tệp quá lớn")))
                .andExpect(content().string(containsString("Nội dung gõ dở")));
        assertThat(liar.bytesRead).isBetween(AttachmentInspector.MAX_FILE_BYTES + 1,
                AttachmentInspector.MAX_FILE_BYTES + 64 * 1024);
        assertThat(stored()).isZero();
    }

    @Test
    void anAcceptedFileIsReadAsAStreamAndHashedOnTheWay() throws Exception {
        byte[] pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        StreamedFile file = new StreamedFile(pdf);
        upload(file).andExpect(redirectedUrl("/reports/" + reportId + "/edit"));
        assertThat(file.bytesRead).isEqualTo(pdf.length);
        assertThat(jdbc.queryForObject("select sha256 from report_attachment where report_id = ?", String.class, reportId))
                .isEqualTo(AttachmentInspector.sha256(pdf));
    }

    /**
     * An uploaded part as the server keeps it on disk: only its stream may be read (getBytes fails, as it
     * would hold the whole file in memory), and the bytes read are counted. Its content is a PDF header
     * followed by spaces, produced as it is read rather than held.
     */
    static final class StreamedFile extends MockMultipartFile {

        private final long declaredSize;
        private final long actualSize;
        private final byte[] content;
        long bytesRead;

        StreamedFile(long declaredSize, long actualSize) {
            super("files", "lon.pdf", "application/pdf", new byte[]{1});
            this.declaredSize = declaredSize;
            this.actualSize = actualSize;
            this.content = null;
        }

        StreamedFile(byte[] content) {
            super("files", "bien-ban.pdf", "application/pdf", new byte[]{1});
            this.declaredSize = content.length;
            this.actualSize = content.length;
            this.content = content;
        }

        @Override
        public long getSize() {
            return declaredSize;
        }

        @Override
        public boolean isEmpty() {
            return declaredSize == 0;
        }

        @Override
        public byte[] getBytes() {
            throw new AssertionError("the whole upload must not be read into memory");
        }

        @Override
        public java.io.InputStream getInputStream() {
            byte[] header = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
            return new java.io.InputStream() {
                @Override
                public int read() {
                    if (bytesRead >= actualSize) {
                        return -1;
                    }
                    int at = (int) Math.min(bytesRead, Integer.MAX_VALUE);
                    bytesRead++;
                    if (content != null) {
                        return content[at] & 0xff;
                    }
                    return at < header.length ? header[at] : ' ';
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    if (length == 0) {
                        return 0;
                    }
                    int count = 0;
                    while (count < length) {
                        int next = read();
                        if (next < 0) {
                            break;
                        }
                        buffer[offset + count++] = (byte) next;
                    }
                    return count == 0 ? -1 : count;
                }
            };
        }
    }

    ResultActions upload(MockMultipartFile file) throws Exception {
        return upload(file, "Kết quả");
    }

    ResultActions upload(MockMultipartFile file, String results) throws Exception {
        long version = jdbc.queryForObject("select version from progress_report where id = ?", Long.class, reportId);
        return mvc.perform(multipart("/reports/" + reportId + "/edit").file(file).with(csrf())
                .with(authentication(ReportFixtures.auth(reporter)))
                .param("version", String.valueOf(version)).param("action", "save").param("results", results));
    }

    int stored() {
        return jdbc.queryForObject("select count(*) from report_attachment where report_id = ?", Integer.class, reportId);
    }

    static byte[] zip(String name, byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
        }
        return out.toByteArray();
    }
}
