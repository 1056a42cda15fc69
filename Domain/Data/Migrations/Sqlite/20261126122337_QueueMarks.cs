using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Intake.Domain.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class QueueMarks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "QueueToken",
                table: "Messages",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "QueuedUntil",
                table: "Messages",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Messages_QueuedUntil",
                table: "Messages",
                column: "QueuedUntil");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Messages_QueuedUntil",
                table: "Messages");

            migrationBuilder.DropColumn(
                name: "QueueToken",
                table: "Messages");

            migrationBuilder.DropColumn(
                name: "QueuedUntil",
                table: "Messages");
        }
    }
}
